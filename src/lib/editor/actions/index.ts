import type { Action, ActionContext } from './action';
import { copy, cut, duplicate, paste, selectAll } from './clipboard';
import { deleteSelection } from './delete';
import { newDocument, save } from './documents';
import { escape } from './escape';
import { autoLayout } from './layout';
import { nudge } from './nudge';
import { redo } from './redo';
import { rename } from './rename';
import { shortcuts } from './shortcuts';
import { textPanel } from './text-panel';
import { undo } from './undo';
import { consolidate, makeCluster } from './redundancy';
import { whatIf } from './what-if';

export type { Action, ActionContext };

/** Every user action, in the order the shortcut list shows them. */
export const ACTIONS: readonly Action[] = [
  deleteSelection,
  undo,
  redo,
  copy,
  cut,
  paste,
  duplicate,
  selectAll,
  nudge,
  rename,
  escape,
  autoLayout,
  whatIf,
  textPanel,
  makeCluster,
  consolidate,
  save,
  newDocument,
  shortcuts
];

export const ACTION = Object.fromEntries(ACTIONS.map((a) => [a.id, a])) as Record<string, Action>;

const MODIFIERS = ['Shift', 'Mod', 'Ctrl', 'Alt'] as const;

/** Does the key event match a key written as in Action.keys (`Shift+Mod+Z`)? */
export function matches(combo: string, e: KeyboardEvent, mac = false): boolean {
  const parts = combo.split('+');
  const key = parts.pop()!;
  const want = new Set(parts);
  const mod = mac ? e.metaKey : e.ctrlKey;
  const pressed = {
    Shift: e.shiftKey,
    Mod: mod,
    // Ctrl+Y stays Ctrl on a Mac; on other systems Ctrl is Mod.
    Ctrl: e.ctrlKey,
    Alt: e.altKey
  };
  for (const m of MODIFIERS) {
    if (m === 'Ctrl' && !mac && want.has('Mod')) continue;
    if (m === 'Mod' && !mac && want.has('Ctrl')) continue;
    if (want.has(m) !== pressed[m]) {
      // A printable key such as '?' needs Shift on most layouts: Shift is not asked for.
      if (m === 'Shift' && key.length === 1 && !/[a-z]/i.test(key)) continue;
      return false;
    }
  }
  if (!mac && !want.has('Mod') && !want.has('Ctrl') && e.metaKey) return false;
  const k = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  return k === (key.length === 1 ? key.toLowerCase() : key);
}

/** The action a key event calls, if any. */
export function actionForKey(e: KeyboardEvent, mac = false): Action | undefined {
  const unshifted = {
    key: e.key,
    ctrlKey: e.ctrlKey,
    metaKey: e.metaKey,
    altKey: e.altKey,
    shiftKey: false
  } as KeyboardEvent;
  return ACTIONS.find((a) =>
    a.keys?.some((k) => matches(k, e, mac) || (a.anyShift === true && matches(k, unshifted, mac)))
  );
}

const ORDER = ['Mod', 'Ctrl', 'Alt', 'Shift'];

/** Keys as people read them: `Ctrl+Shift+Z` (`⌘+Shift+Z` on a Mac). */
export function keyLabel(combo: string, mac = false): string {
  const parts = combo.split('+');
  const key = parts.pop()!;
  const mods = parts.sort((a, b) => ORDER.indexOf(a) - ORDER.indexOf(b));
  return [
    ...mods.map((m) => (m === 'Mod' ? (mac ? '⌘' : 'Ctrl') : m)),
    key.length === 1 ? key.toUpperCase() : key
  ].join('+');
}

/** The shortcut table as Markdown rows (keys, action): the README's key table is this. */
export function shortcutRows(lang: 'en' | 'ko' = 'en'): string[] {
  return ACTIONS.filter((a) => a.keys).map(
    (a) =>
      `| ${a.keys!.map((k) => keyLabel(k)).join(' / ')} | ${(a.description ?? a.label)[lang]} |`
  );
}
