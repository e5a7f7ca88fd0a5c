import type { DiagramDocument } from '$lib/core/index';

/**
 * Autosave to IndexedDB, one record set per diagram:
 * - each diagram has two slots; a save writes the slot not in use and only then switches
 *   the diagram's pointer to it, in one transaction, so an interrupted or failed write
 *   leaves the previous version readable;
 * - an index of recent diagrams (title, time) lets the user reopen an earlier one;
 * - `current` names the diagram to restore on the next visit.
 */
const DB = 'stackdraw';
const VERSION = 2;
const SLOTS = 'slots';
const INDEX = 'diagrams';
const META = 'meta';
export const RECENT_LIMIT = 12;

export interface SavedDiagram {
  id: string;
  doc: DiagramDocument;
  savedAt: number;
}

export interface RecentEntry {
  id: string;
  title: string;
  nodes: number;
  savedAt: number;
}

/** Storage can be replaced in tests (to fail a write on purpose). */
export interface Storage {
  save(id: string, doc: DiagramDocument): Promise<number>;
  load(id: string): Promise<SavedDiagram | undefined>;
  current(): Promise<string | undefined>;
  setCurrent(id: string): Promise<void>;
  recent(): Promise<RecentEntry[]>;
}

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB, VERSION);
    req.onupgradeneeded = () => {
      const db = req.result;
      for (const name of [SLOTS, INDEX, META]) {
        if (!db.objectStoreNames.contains(name)) db.createObjectStore(name);
      }
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new DOMException('the save was aborted', 'AbortError'));
  });
}

function request<T>(req: IDBRequest): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result as T);
    req.onerror = () => reject(req.error);
  });
}

export function indexedDbStorage(): Storage {
  let db: Promise<IDBDatabase> | undefined;
  const database = () => (db ??= open());
  return {
    async save(id, doc) {
      const d = await database();
      const tx = d.transaction([SLOTS, INDEX, META], 'readwrite');
      const slots = tx.objectStore(SLOTS);
      const pointer = (await request<string | undefined>(slots.get(`${id}:pointer`))) ?? 'b';
      const next = pointer === 'a' ? 'b' : 'a';
      const savedAt = Date.now();
      // The new version first, then the switch to it.
      slots.put({ id, doc, savedAt } satisfies SavedDiagram, `${id}:${next}`);
      slots.put(next, `${id}:pointer`);
      tx.objectStore(INDEX).put(
        { id, title: doc.title ?? '', nodes: doc.nodes.length, savedAt } satisfies RecentEntry,
        id
      );
      tx.objectStore(META).put(id, 'current');
      await done(tx);
      return savedAt;
    },
    async load(id) {
      const d = await database();
      const slots = d.transaction(SLOTS, 'readonly').objectStore(SLOTS);
      const pointer = await request<string | undefined>(slots.get(`${id}:pointer`));
      if (!pointer) return undefined;
      return request<SavedDiagram | undefined>(slots.get(`${id}:${pointer}`));
    },
    async current() {
      const d = await database();
      return request<string | undefined>(
        d.transaction(META, 'readonly').objectStore(META).get('current')
      );
    },
    async setCurrent(id) {
      const d = await database();
      const tx = d.transaction(META, 'readwrite');
      tx.objectStore(META).put(id, 'current');
      await done(tx);
    },
    async recent() {
      const d = await database();
      const all = await request<RecentEntry[]>(
        d.transaction(INDEX, 'readonly').objectStore(INDEX).getAll()
      );
      return all.sort((a, b) => b.savedAt - a.savedAt).slice(0, RECENT_LIMIT);
    }
  };
}

/** Is this error the browser saying storage is full? */
export function isQuotaError(e: unknown): boolean {
  const name = (e as { name?: string } | null)?.name;
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED';
}

export function newDiagramId(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `d-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}
