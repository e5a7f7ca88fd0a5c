import type { Localized } from '$lib/core/index';
import type { App } from '../state/app.svelte';

/** What an action can reach: the application, and the shell's own doings (dialogs, files). */
export interface ActionContext {
  app: App;
  /** Show the keyboard shortcuts dialog. */
  showShortcuts(): void;
  /** Put text on the system clipboard (Copy, Cut); may be refused by the browser. */
  writeClipboard(text: string): void;
  /** The system clipboard's text, or undefined when reading it is refused. */
  readClipboard(): Promise<string | undefined>;
  /** The element that has the keyboard focus (a canvas node, for Enter and F2). */
  focused(): Element | null;
}

/**
 * One user action: its id, its label in both languages, its keys, whether it can run now,
 * and what it does. The keyboard handler, the shortcut dialog, the toolbar and the README's
 * key table all read these records (actions/index.ts).
 *
 * Keys are written `Mod+Z` (Ctrl, or ⌘ on a Mac), `Shift+Mod+Z`, `Ctrl+Y`, `Delete`, `F2`,
 * `?`, `Shift+ArrowLeft` …: modifiers first, then the key as KeyboardEvent.key names it.
 */
export interface Action {
  id: string;
  label: Localized;
  /** What the shortcut list says it does (defaults to the label). */
  description?: Localized;
  keys?: readonly string[];
  /** The keys work with or without Shift (the action reads it: nudge further). */
  anyShift?: true;
  enabled?(ctx: ActionContext): boolean;
  run(ctx: ActionContext, e?: KeyboardEvent): void | Promise<void>;
}
