import { paneText, parseStack } from '$lib/core/text/index';
import type { SettingsStore } from '../state/settings.svelte';

/**
 * The Text panel's own wording of recent diagrams (comments, blank lines, kind words), kept
 * between visits: autosave keeps the document, not its text. Kept in the settings store
 * (localStorage) as a short list, newest first; a text comes back only for a document it
 * reads as (positions aside), so a stale one is never shown.
 */

const KEY = 'stackdraw.texts';
/** How many texts are kept. */
export const TEXTS_KEPT = 8;
/** Texts longer than this (UTF-16 code units) are not kept: the store is small. */
export const TEXT_MAX_LENGTH = 200_000;

/** A kept text, with a fingerprint of the document it reads as (`fingerprint`). */
interface Kept {
  text: string;
  key: string;
}

export class TextMemory {
  constructor(private readonly store?: SettingsStore) {}

  private list(): Kept[] {
    try {
      const v: unknown = JSON.parse(this.store?.getItem(KEY) ?? '[]');
      if (!Array.isArray(v)) return [];
      return v.filter(
        (k): k is Kept =>
          !!k && typeof k === 'object' && typeof k.text === 'string' && typeof k.key === 'string'
      );
    } catch {
      return [];
    }
  }

  /**
   * Keep the text shown for a document whose own printed text (`paneText`) is `printed`.
   * A text that says no more than the printed one is not kept; either way it replaces a kept
   * text of the same document.
   */
  remember(text: string, printed: string): void {
    if (text.length > TEXT_MAX_LENGTH) return;
    const key = fingerprint(printed);
    const rest = this.list().filter((k) => k.key !== key);
    const next = text === printed ? rest : [{ text, key }, ...rest].slice(0, TEXTS_KEPT);
    try {
      this.store?.setItem(KEY, JSON.stringify(next));
    } catch {
      // A full or disabled store: the text lasts for this visit.
    }
  }

  /** The kept text that reads as the document whose printed text (`paneText`) is `printed`. */
  recall(printed: string): string | undefined {
    const key = fingerprint(printed);
    for (const k of this.list()) {
      if (k.key !== key) continue;
      const read = parseStack(k.text);
      if (read.ok && read.document && paneText(read.document).text === printed) return k.text;
    }
    return undefined;
  }
}

/** A short fingerprint of a printed text (its length and FNV-1a hash), to find it fast. */
function fingerprint(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return `${text.length}:${(h >>> 0).toString(36)}`;
}

/** The memory in the browser's localStorage (none where there is no such store). */
export function browserTextMemory(): TextMemory {
  let store: SettingsStore | undefined;
  try {
    store = typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    store = undefined;
  }
  return new TextMemory(store);
}
