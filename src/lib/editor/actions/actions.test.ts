import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ACTIONS, actionForKey, keyLabel, matches, shortcutRows } from './index';

const key = (k: string, mods: Partial<KeyboardEvent> = {}) =>
  ({
    key: k,
    ctrlKey: false,
    metaKey: false,
    shiftKey: false,
    altKey: false,
    ...mods
  }) as KeyboardEvent;

describe('the action registry', () => {
  it('every action has an id, both labels, and a run; ids and keys are unique', () => {
    const ids = new Set<string>();
    const keys = new Set<string>();
    for (const a of ACTIONS) {
      expect(a.label.en && a.label.ko, a.id).toBeTruthy();
      expect(ids.has(a.id), a.id).toBe(false);
      ids.add(a.id);
      for (const k of a.keys ?? []) {
        expect(keys.has(k), k).toBe(false);
        keys.add(k);
      }
    }
  });

  it('keys match events as written: Mod is Ctrl (⌘ on a Mac), Shift counts', () => {
    expect(actionForKey(key('z', { ctrlKey: true }))?.id).toBe('undo');
    expect(actionForKey(key('Z', { ctrlKey: true, shiftKey: true }))?.id).toBe('redo');
    expect(actionForKey(key('y', { ctrlKey: true }))?.id).toBe('redo');
    expect(actionForKey(key('z', { metaKey: true }), true)?.id).toBe('undo');
    expect(actionForKey(key('z'))).toBeUndefined();
    expect(actionForKey(key('Delete'))?.id).toBe('delete');
    expect(actionForKey(key('?', { shiftKey: true }))?.id).toBe('shortcuts');
    expect(actionForKey(key('ArrowLeft', { shiftKey: true }))?.id).toBe('nudge');
    expect(matches('Mod+C', key('c', { ctrlKey: true, shiftKey: true }))).toBe(false);
    expect(keyLabel('Shift+Mod+Z')).toBe('Ctrl+Shift+Z');
    expect(keyLabel('Shift+Mod+Z', true)).toBe('⌘+Shift+Z');
  });

  it("the README's key table is the registry's", () => {
    const readme = readFileSync(new URL('../../../../README.md', import.meta.url), 'utf8');
    const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
    const table = readme.split('\n').map(squash);
    for (const row of shortcutRows()) expect(table, row).toContain(squash(row));
  });
});
