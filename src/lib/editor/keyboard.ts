import { actionForKey, type ActionContext } from './actions';

/** Is the event (a key, a paste) meant for a text field rather than the canvas? */
export function typingInField(e: Event): boolean {
  const el = e.target as HTMLElement | null;
  if (!el) return false;
  const tag = el.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || el.isContentEditable;
}

/** Enter and Space on a button or link belong to it (a palette item adds its node). */
function activatesControl(e: KeyboardEvent): boolean {
  const el = e.target as HTMLElement | null;
  return !!el && (e.key === 'Enter' || e.key === ' ') && !!el.closest('button, a, summary');
}

/** Keys inside an open top-bar menu are the menu's (Escape closes it). */
function inOpenMenu(e: KeyboardEvent): boolean {
  const el = e.target as HTMLElement | null;
  return !!el?.closest?.('details[open]');
}

export const isMac = () =>
  typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform ?? '');

/**
 * The editor's keyboard shortcuts, from the action registry (actions/). Returns true when
 * the key was used (the caller then prevents the browser's default). Paste is left to the
 * browser's own paste event (no permission prompt): see EditorApp.
 */
export function handleKey(ctx: ActionContext, e: KeyboardEvent): boolean {
  if (typingInField(e) || activatesControl(e) || inOpenMenu(e)) return false;
  const action = actionForKey(e, isMac());
  if (!action || action.id === 'paste') return false;
  if (action.enabled && !action.enabled(ctx)) return action.id === 'undo' || action.id === 'redo';
  void action.run(ctx, e);
  return true;
}
