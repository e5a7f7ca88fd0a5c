import { describe, expect, it } from 'vitest';
import { paneText, parse } from '$lib/core/text/index';
import type { SettingsStore } from '../state/settings.svelte';
import { TextMemory, TEXTS_KEPT } from './texts';

function memoryStore(): SettingsStore & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (k) => items.get(k) ?? null,
    setItem: (k, v) => void items.set(k, v)
  };
}

const MINE = '%% my lab\nhw Server #s %% rack 3\n  os Linux #l\n';
const printed = paneText(parse(MINE)).text;

describe('the Text panel’s texts kept between visits', () => {
  it('gives the user’s text back for the document it reads as, and nothing for another', () => {
    const store = memoryStore();
    new TextMemory(store).remember(MINE, printed);
    const next = new TextMemory(store);
    expect(next.recall(printed)).toBe(MINE);
    expect(next.recall(paneText(parse('hw Server #s\n  os BSD #l\n')).text)).toBeUndefined();
  });

  it('a text that says no more than the print is not kept, and drops the older one', () => {
    const store = memoryStore();
    const m = new TextMemory(store);
    m.remember(MINE, printed);
    m.remember(printed, printed);
    expect(m.recall(printed)).toBeUndefined();
  });

  it('keeps the newest few; a broken or full store costs only the memory', () => {
    const store = memoryStore();
    const m = new TextMemory(store);
    for (let i = 0; i < TEXTS_KEPT + 2; i++) {
      const text = `%% v${i}\nhw S${i}\n`;
      m.remember(text, paneText(parse(text)).text);
    }
    expect(m.recall(paneText(parse('hw S0\n')).text)).toBeUndefined();
    expect(m.recall(paneText(parse(`hw S${TEXTS_KEPT + 1}\n`)).text)).toContain('%% v');
    store.items.set('stackdraw.texts', '{not json');
    expect(m.recall(printed)).toBeUndefined();
    const full: SettingsStore = {
      getItem: () => null,
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      }
    };
    expect(() => new TextMemory(full).remember(MINE, printed)).not.toThrow();
  });
});
