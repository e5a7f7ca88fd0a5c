import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DiagramDocument } from '$lib/core/index';
import { indexedDbStorage, isQuotaError, type SavedDiagram } from './autosave';

const doc = (title: string): DiagramDocument => ({
  version: 1,
  title,
  nodes: [{ id: 'hw', kind: 'hardware', label: title }],
  edges: []
});

describe('autosave storage', () => {
  afterEach(() => vi.restoreAllMocks());

  it('saves and restores the current diagram', async () => {
    const s = indexedDbStorage();
    await s.save('d1', doc('one'));
    await s.save('d1', doc('two'));
    expect(await s.current()).toBe('d1');
    expect(((await s.load('d1')) as SavedDiagram)?.doc.title).toBe('two');
  });

  it('a write that fails half way leaves the previous version readable', async () => {
    const s = indexedDbStorage();
    await s.save('d2', doc('good'));
    // Fail the switch to the new version, after the new version was written.
    const put = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
      this: IDBObjectStore,
      value,
      key
    ) {
      if (typeof key === 'string' && key.endsWith(':pointer')) {
        throw new DOMException('disk on fire', 'UnknownError');
      }
      return put.call(this, value, key);
    });
    await expect(s.save('d2', doc('broken'))).rejects.toThrow();
    vi.restoreAllMocks();
    expect(((await s.load('d2')) as SavedDiagram)?.doc.title).toBe('good');
    // And the next save works again.
    await s.save('d2', doc('better'));
    expect(((await s.load('d2')) as SavedDiagram)?.doc.title).toBe('better');
  });

  it('lists recent diagrams, newest first', async () => {
    const s = indexedDbStorage();
    await s.save('r1', doc('first'));
    await new Promise((r) => setTimeout(r, 5));
    await s.save('r2', doc('second'));
    const recent = await s.recent();
    const titles = recent.map((r) => r.title);
    expect(titles.indexOf('second')).toBeLessThan(titles.indexOf('first'));
    expect(recent.find((r) => r.id === 'r2')).toMatchObject({ nodes: 1 });
  });

  it('recognises a full storage', () => {
    expect(isQuotaError(new DOMException('full', 'QuotaExceededError'))).toBe(true);
    expect(isQuotaError(new Error('x'))).toBe(false);
  });
});
