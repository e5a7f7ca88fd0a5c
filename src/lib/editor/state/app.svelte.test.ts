import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import type { DiagramDocument, LayoutResult } from '$lib/core/index';
import { indexedDbStorage } from '../persistence/autosave';
import { App } from './app.svelte';

const EXAMPLE: DiagramDocument = {
  version: 1,
  nodes: [
    { id: 'hw', kind: 'hardware', label: 'PC' },
    { id: 'os', kind: 'os', label: 'Ubuntu' }
  ],
  edges: [{ id: 'e', source: 'hw', target: 'os' }]
};

function store() {
  const m = new Map<string, string>();
  return {
    getItem: (k: string) => m.get(k) ?? null,
    setItem: (k: string, v: string) => void m.set(k, v),
    removeItem: (k: string) => void m.delete(k)
  };
}

/** A layout engine that answers at once, or never (`hang`). */
const engine = (hang = false) => ({
  layout: (doc: DiagramDocument) =>
    hang
      ? new Promise<LayoutResult>(() => {})
      : Promise.resolve({
          nodes: Object.fromEntries(
            doc.nodes.map((n, i) => [n.id, { x: 0, y: -60 * i, width: 140, height: 50 }])
          ),
          edges: {},
          groups: [],
          bounds: { x: 0, y: 0, width: 0, height: 0 }
        } as LayoutResult)
});

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

const app = (tab: ReturnType<typeof store>, marks: ReturnType<typeof store>, hang = false) =>
  new App({
    session: { storage: indexedDbStorage(), tab, delayMs: 1 },
    settings: store(),
    marks,
    layout: engine(hang),
    fetchExample: async () => JSON.stringify(EXAMPLE)
  });

describe('App: starting', () => {
  it('a first visit opens the default example, laid out', async () => {
    const a = app(store(), store());
    await a.boot('example.json');
    expect(a.ready).toBe(true);
    expect(a.editor.doc.nodes.map((n) => n.id)).toEqual(['hw', 'os']);
    await new Promise((r) => setTimeout(r, 10));
    expect(a.editor.doc.nodes.every((n) => n.position)).toBe(true);
  });

  it('never restores into a crash loop: a layout that never ended reopens with arrangement off', async () => {
    const tab = store();
    const marks = store();
    // First visit: the layout hangs (and the tab is closed or dies during it).
    const first = app(tab, marks, true);
    await first.boot('example.json');
    await first.session.flush();
    first.editor.setTitle('mine');
    await first.session.flush();
    expect(marks.getItem('stackdraw.layout-running')).toBe(first.session.diagramId);
    // Next visit of the same tab: arrangement is off, the user is told why, the editor works.
    const second = app(tab, marks);
    await second.boot('example.json');
    expect(second.ready).toBe(true);
    expect(second.editor.doc.title).toBe('mine');
    expect(second.settings.arrange).toBe(false);
    expect(second.editor.notice?.text).toMatch(/did not finish last time/);
  });
});
