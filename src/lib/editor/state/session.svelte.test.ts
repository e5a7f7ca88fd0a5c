import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import type { DiagramDocument } from '$lib/core/index';
import { indexedDbStorage, type SavedDiagram } from '../persistence/autosave';
import type { SavedMessage } from '../persistence/tabs';
import { Session, type TabChannel, type TabMemory } from './session.svelte';

const doc = (title: string, extra: Partial<DiagramDocument> = {}): DiagramDocument => ({
  version: 1,
  title,
  nodes: [{ id: 'hw', kind: 'hardware', label: title }],
  edges: [],
  ...extra
});

/** sessionStorage of one tab. */
const memory = (): TabMemory => {
  const m = new Map<string, string>();
  return {
    getItem: (k) => m.get(k) ?? null,
    setItem: (k, v) => void m.set(k, v),
    removeItem: (k) => void m.delete(k)
  };
};

/** A BroadcastChannel between tabs, in memory. */
function bus() {
  const tabs: { id: number; hear: (m: SavedMessage) => void }[] = [];
  let next = 0;
  return (): TabChannel => {
    const id = next++;
    return {
      announce: (diagram, savedAt) => {
        for (const t of tabs)
          if (t.id !== id) t.hear({ type: 'saved', diagram, tab: String(id), savedAt });
      },
      listen: (hear) => void tabs.push({ id, hear }),
      close: () => {}
    };
  };
}

let ids = 0;
const newId = () => `d${++ids}`;

beforeEach(() => {
  // A fresh database for each test.
  globalThis.indexedDB = new IDBFactory();
});

describe('Session: saving', () => {
  it('saves shortly after a change, and a new visit of the tab restores it', async () => {
    const storage = indexedDbStorage();
    const tab = memory();
    const a = new Session({ storage, tab, newId, delayMs: 5 });
    expect(await a.restore()).toBeUndefined();
    a.changed(doc('one'));
    expect(a.saveState).toBe('pending');
    expect(a.unsaved).toBe(true);
    await new Promise((r) => setTimeout(r, 30));
    await a.flush();
    expect(a.saveState).toBe('saved');
    expect(a.unsaved).toBe(false);
    const b = new Session({ storage: indexedDbStorage(), tab, newId });
    expect((await b.restore())?.title).toBe('one');
    expect(b.diagramId).toBe(a.diagramId);
  });

  it('flush() saves the last edit at once (the page is being hidden or closed)', async () => {
    const storage = indexedDbStorage();
    const s = new Session({ storage, tab: memory(), newId, delayMs: 60_000 });
    await s.restore();
    s.changed(doc('last edit'));
    await s.flush();
    expect(((await storage.load(s.diagramId)) as SavedDiagram).doc.title).toBe('last edit');
    expect(s.saveState).toBe('saved');
  });

  it('a failed write says so and keeps the document pending nowhere but on screen', async () => {
    const storage = indexedDbStorage();
    const s = new Session({
      storage: { ...storage, save: () => Promise.reject(new Error('disk on fire')) },
      tab: memory(),
      newId
    });
    await s.restore();
    s.changed(doc('x'));
    await s.flush();
    expect(s.saveState).toBe('failed');
    expect(s.saveError).toMatch(/disk on fire/);
  });
});

describe('Session: restoring never trusts the stored record', () => {
  const CORRUPT: [string, unknown][] = [
    [
      'a label that is a number',
      {
        id: 'x',
        savedAt: 1,
        doc: doc('t', { nodes: [{ id: 'a', kind: 'hardware', label: 5 } as never] })
      }
    ],
    ['doc: null', { id: 'x', savedAt: 1, doc: null }],
    ['a string', 'hello'],
    ['an empty object', {}],
    ['nodes: "x"', { id: 'x', savedAt: 1, doc: { version: 1, nodes: 'x', edges: [] } }],
    [
      'a node without kind',
      { id: 'x', savedAt: 1, doc: { version: 1, nodes: [{ id: 'a', label: 'A' }], edges: [] } }
    ],
    [
      'kind toaster',
      {
        id: 'x',
        savedAt: 1,
        doc: doc('t', { nodes: [{ id: 'a', kind: 'toaster' as never, label: 'A' }] })
      }
    ],
    ['version 99', { id: 'x', savedAt: 1, doc: { version: 99, nodes: [], edges: [] } }],
    [
      'an edge to a missing node',
      {
        id: 'x',
        savedAt: 1,
        doc: doc('t', { edges: [{ id: 'e', source: 'hw', target: 'ghost' }] })
      }
    ],
    [
      'an object title',
      { id: 'x', savedAt: 1, doc: { version: 1, title: { x: 1 }, nodes: [], edges: [] } }
    ],
    ['an array', [1, 2, 3]],
    ['a number', 42]
  ];

  it.each(CORRUPT)(
    '%s: reported, kept untouched, and a new diagram starts',
    async (_name, record) => {
      const storage = indexedDbStorage();
      const tab = memory();
      const first = new Session({ storage, tab, newId });
      await first.restore();
      first.changed(doc('good'));
      await first.flush();
      const id = first.diagramId;
      // Corrupt the stored record in place (as a bug, a bad extension or a disk might).
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('stackdraw');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const slots = db.transaction('slots', 'readonly').objectStore('slots');
      const pointer = await new Promise<string>((r) => {
        const req = slots.get(`${id}:pointer`);
        req.onsuccess = () => r(req.result);
      });
      await new Promise<void>((resolve) => {
        const tx = db.transaction('slots', 'readwrite');
        tx.objectStore('slots').put(record, `${id}:${pointer}`);
        tx.oncomplete = () => resolve();
      });
      db.close();

      const again = new Session({ storage: indexedDbStorage(), tab, newId });
      expect(await again.restore()).toBeUndefined();
      expect(again.failure?.id).toBe(id);
      expect(again.failure?.reason.length).toBeGreaterThan(5);
      expect(again.failure?.record).toEqual(record);
      expect(again.diagramId).not.toBe(id);
      // The record is still there, as it was.
      expect(await storage.load(id)).toEqual(record);
    }
  );

  it('a reader error names what is wrong, with its JSON path', async () => {
    const storage = indexedDbStorage();
    await storage.save('bad', {
      version: 1,
      nodes: [{ id: 'a', kind: 'toaster', label: 'A' }],
      edges: []
    } as never);
    await storage.setCurrent('bad');
    const s = new Session({ storage, tab: memory(), newId });
    expect(await s.restore()).toBeUndefined();
    expect(s.failure?.reason).toMatch(
      /unknown kind "toaster" \(node "a"\).* \(at \$\.nodes\[0\]\.kind\)/
    );
  });

  it('Recent opens through the reader too', async () => {
    const storage = indexedDbStorage();
    await storage.save('bad', { version: 1, title: 5, nodes: [], edges: [] } as never);
    const s = new Session({ storage, tab: memory(), newId });
    await s.restore();
    const opened = await s.open('bad');
    expect(opened).toMatchObject({ id: 'bad', reason: expect.stringMatching(/title/) });
  });
});

describe('Session: two tabs on one diagram', () => {
  async function twoTabs() {
    const channel = bus();
    const storage = indexedDbStorage();
    const a = new Session({ storage, channel: channel(), tab: memory(), newId, delayMs: 60_000 });
    await a.restore();
    a.changed(doc('A1'));
    await a.flush();
    // Tab B opens the same diagram (a new tab opens the last one saved).
    const b = new Session({ storage, channel: channel(), tab: memory(), newId, delayMs: 60_000 });
    const opened = await b.restore();
    expect(opened?.title).toBe('A1');
    expect(b.diagramId).toBe(a.diagramId);
    return { storage, a, b };
  }

  it('the other tab is told; its own edits go to a copy and never overwrite', async () => {
    const { storage, a, b } = await twoTabs();
    a.changed(doc('A2'));
    await a.flush();
    expect(b.conflict?.diagram).toBe(a.diagramId);
    // B edits while the question is open: saved, as a copy.
    b.changed(doc('B1'));
    await b.flush();
    expect(b.copyOf).toBe(a.diagramId);
    expect(b.diagramId).not.toBe(a.diagramId);
    expect(b.saveState).toBe('saved');
    expect(((await storage.load(a.diagramId)) as SavedDiagram).doc.title).toBe('A2');
    expect(((await storage.load(b.diagramId)) as SavedDiagram).doc.title).toBe('B1');
  });

  it('a pending edit when the other save arrives is kept as a copy too', async () => {
    const { storage, a, b } = await twoTabs();
    b.changed(doc('B pending'));
    a.changed(doc('A2'));
    await a.flush();
    await b.flush();
    expect(((await storage.load(a.diagramId)) as SavedDiagram).doc.title).toBe('A2');
    expect(b.copyOf).toBe(a.diagramId);
    expect(((await storage.load(b.diagramId)) as SavedDiagram).doc.title).toBe('B pending');
  });

  it('"Load that version" gives the other tab\'s document and ends the question', async () => {
    const { a, b } = await twoTabs();
    a.changed(doc('A2'));
    await a.flush();
    const theirs = await b.loadTheirs();
    expect(theirs && 'title' in theirs ? theirs.title : undefined).toBe('A2');
    expect(b.conflict).toBeNull();
    expect(b.diagramId).toBe(a.diagramId);
  });

  it('"Keep mine" saves this tab\'s document as a diagram of its own', async () => {
    const { storage, a, b } = await twoTabs();
    a.changed(doc('A2'));
    await a.flush();
    b.keepMine(doc('B mine'));
    await b.flush();
    expect(b.conflict).toBeNull();
    expect(b.diagramId).not.toBe(a.diagramId);
    expect(((await storage.load(b.diagramId)) as SavedDiagram).doc.title).toBe('B mine');
  });
});

describe('restoreRecord: fuzzing stored records', () => {
  it('any value at all: never throws; a failure keeps the record, a success is a checked document', async () => {
    const { restoreRecord } = await import('../persistence/autosave');
    const { readDocument } = await import('$lib/core/index');
    const fc = (await import('fast-check')).default;
    const good = doc('good');
    const record = fc.oneof(
      fc.anything(),
      fc.record({ id: fc.string(), savedAt: fc.anything(), doc: fc.anything() }),
      fc.record({
        id: fc.constant('x'),
        savedAt: fc.integer(),
        doc: fc.record({
          version: fc.oneof(fc.constant(1), fc.anything()),
          title: fc.oneof(fc.string(), fc.anything()),
          nodes: fc.oneof(fc.constant(good.nodes), fc.anything()),
          edges: fc.oneof(fc.constant([]), fc.anything())
        })
      })
    );
    fc.assert(
      fc.property(record, (r) => {
        const out = restoreRecord('x', r);
        if (out.ok) {
          expect(readDocument(JSON.stringify(out.saved.doc)).ok).toBe(true);
        } else {
          expect(out.failure.record).toBe(r);
          expect(out.failure.reason.length).toBeGreaterThan(5);
        }
      }),
      { numRuns: 300 }
    );
  });
});

describe('Session: a reload right after an edit', () => {
  it('the last edit is in the tab journal when the database write did not land', async () => {
    const storage = indexedDbStorage();
    const tab = memory();
    const a = new Session({ storage, tab, newId, delayMs: 60_000 });
    await a.restore();
    a.changed(doc('saved'));
    await a.flush();
    // An edit, then the page goes away before its write lands (the write never ends).
    const hanging = { ...storage, save: () => new Promise<number>(() => {}) };
    const leaving = new Session({ storage: hanging, tab, newId, delayMs: 60_000 });
    await leaving.restore();
    leaving.changed(doc('the last edit'));
    void leaving.leave();
    // The reload: the journal has it, and it is saved for good this time.
    const after = new Session({ storage: indexedDbStorage(), tab, newId, delayMs: 1 });
    const restored = await after.restore();
    expect(restored?.title).toBe('the last edit');
    expect(after.unsaved).toBe(true);
    await after.flush();
    expect(((await storage.load(after.diagramId)) as SavedDiagram).doc.title).toBe('the last edit');
    // Saved: the journal is gone, so a later reload reads the database.
    const later = new Session({ storage: indexedDbStorage(), tab, newId });
    expect((await later.restore())?.title).toBe('the last edit');
  });
});
