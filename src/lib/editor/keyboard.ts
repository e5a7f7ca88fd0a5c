import type { Editor } from './state/editor.svelte';

/** Is the key event meant for a text field rather than the canvas? */
export function typingInField(e: KeyboardEvent): boolean {
  const el = e.target as HTMLElement | null;
  if (!el) return false;
  const tag = el.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || el.isContentEditable;
}

export interface ShortcutHandlers {
  showShortcuts: () => void;
  copyToClipboard: (text: string) => void;
}

/**
 * The editor's keyboard shortcuts, in one table-like function. Returns true when the key
 * was used (the caller then prevents the browser's default).
 */
/** Enter and Space on a button or link belong to it (a palette item adds its node). */
function activatesControl(e: KeyboardEvent): boolean {
  const el = e.target as HTMLElement | null;
  return !!el && (e.key === 'Enter' || e.key === ' ') && !!el.closest('button, a, summary');
}

export function handleKey(editor: Editor, e: KeyboardEvent, h: ShortcutHandlers): boolean {
  if (typingInField(e) || activatesControl(e)) return false;
  const mod = e.ctrlKey || e.metaKey;
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  if (mod && key === 'z' && !e.shiftKey) return (editor.undo(), true);
  if ((mod && key === 'z' && e.shiftKey) || (e.ctrlKey && key === 'y'))
    return (editor.redo(), true);
  if (mod && key === 'a') return (editor.selectAll(), true);
  if (mod && key === 'c') {
    const clip = editor.copy();
    if (clip) h.copyToClipboard(JSON.stringify({ stackdraw: 'clip', ...clip }));
    return !!clip;
  }
  if (mod && key === 'x') {
    const clip = editor.copy();
    if (clip) {
      h.copyToClipboard(JSON.stringify({ stackdraw: 'clip', ...clip }));
      editor.deleteSelection();
    }
    return !!clip;
  }
  if (mod && key === 'v') return (editor.paste(), true);
  if (mod && key === 'd') return (editor.duplicate(), true);
  if (mod) return false;
  switch (e.key) {
    case 'Delete':
    case 'Backspace':
      editor.deleteSelection();
      return true;
    case 'F2':
    case 'Enter':
      if (editor.selection.length !== 1) return false;
      editor.renaming = editor.selection[0];
      return true;
    case 'Escape':
      if (editor.renaming) editor.renaming = null;
      else editor.select([]);
      return true;
    case '?':
      h.showShortcuts();
      return true;
    case 'ArrowLeft':
    case 'ArrowRight':
    case 'ArrowUp':
    case 'ArrowDown': {
      if (editor.selection.length === 0) return false;
      const step = e.shiftKey ? 40 : 8;
      const dx = e.key === 'ArrowLeft' ? -step : e.key === 'ArrowRight' ? step : 0;
      const dy = e.key === 'ArrowUp' ? -step : e.key === 'ArrowDown' ? step : 0;
      editor.nudge(dx, dy);
      return true;
    }
  }
  return false;
}
