import { readDocument, type DiagramDocument } from '$lib/core/index';

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
  /** The stored record of a diagram, as it is (unchecked: see `restoreRecord`). */
  load(id: string): Promise<unknown>;
  current(): Promise<string | undefined>;
  setCurrent(id: string): Promise<void>;
  /** Recent diagrams, newest first; entries that are not well-formed are left out. */
  recent(): Promise<RecentEntry[]>;
}

/** A stored record that could not be restored, kept as it was. */
export interface RestoreFailure {
  id: string;
  /** Why, in words: the reader's message with its JSON path. */
  reason: string;
  /** The record as stored, for the user to download. */
  record: unknown;
}

/**
 * A stored record through the same reader as a file: the document is checked like any
 * opened file (kinds, edges, title, positions, nesting …), so nothing unchecked reaches the
 * editor. Never throws.
 */
export function restoreRecord(
  id: string,
  record: unknown
): { ok: true; saved: SavedDiagram } | { ok: false; failure: RestoreFailure } {
  const fail = (reason: string) => ({ ok: false as const, failure: { id, reason, record } });
  if (!record || typeof record !== 'object' || Array.isArray(record)) {
    const what =
      record === null
        ? 'null'
        : record === undefined
          ? 'missing'
          : Array.isArray(record)
            ? 'an array'
            : `${/^[aeiou]/.test(typeof record) ? 'an' : 'a'} ${typeof record}`;
    return fail(`the stored record is ${what}, not a document`);
  }
  const r = record as Partial<SavedDiagram>;
  if (r.doc === undefined) return fail('the stored record holds no document');
  let text: string;
  try {
    text = JSON.stringify(r.doc) ?? 'undefined';
  } catch (e) {
    return fail(`the stored document cannot be read (${e instanceof Error ? e.message : e})`);
  }
  const read = readDocument(text);
  if (!read.ok) {
    const first = read.errors[0];
    const more = read.errors.length > 1 ? ` (and ${read.errors.length - 1} more)` : '';
    return fail(`${first.message} (at ${first.path})${more}`);
  }
  const savedAt = typeof r.savedAt === 'number' && Number.isFinite(r.savedAt) ? r.savedAt : 0;
  return { ok: true, saved: { id, doc: read.document, savedAt } };
}

/**
 * A stored record as a file for the user to download, as faithfully as it can be: a Blob or
 * File (a record, or its `doc`) is itself; a string is its text; anything else is JSON, with
 * Maps as objects and Sets as arrays (JSON.stringify alone writes `{}` for a Blob, a Map or a
 * Set and drops `undefined`, bigint throws), and `String(record)` as the last resort.
 */
export function rawRecordBlob(record: unknown): Blob {
  if (record instanceof Blob) return record;
  const doc = (record as { doc?: unknown } | null)?.doc;
  if (doc instanceof Blob) return doc;
  if (typeof record === 'string') return new Blob([record], { type: 'text/plain' });
  let text: string;
  try {
    text =
      JSON.stringify(
        record,
        (_key, v: unknown) =>
          v instanceof Map
            ? Object.fromEntries(v)
            : v instanceof Set
              ? [...v]
              : v instanceof Blob
                ? `[${v.constructor.name}: ${v.size} bytes${v.type ? `, ${v.type}` : ''}]`
                : typeof v === 'bigint'
                  ? v.toString()
                  : v === undefined
                    ? null
                    : v,
        2
      ) ?? String(record);
  } catch {
    text = String(record);
  }
  return new Blob([text], { type: 'application/json' });
}

const isRecentEntry = (e: unknown): e is RecentEntry =>
  !!e &&
  typeof e === 'object' &&
  typeof (e as RecentEntry).id === 'string' &&
  typeof (e as RecentEntry).savedAt === 'number';

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
      const pointer = await request<unknown>(slots.get(`${id}:pointer`));
      if (pointer !== 'a' && pointer !== 'b') return undefined;
      return request<unknown>(slots.get(`${id}:${pointer}`));
    },
    async current() {
      const d = await database();
      const id = await request<unknown>(
        d.transaction(META, 'readonly').objectStore(META).get('current')
      );
      return typeof id === 'string' ? id : undefined;
    },
    async setCurrent(id) {
      const d = await database();
      const tx = d.transaction(META, 'readwrite');
      tx.objectStore(META).put(id, 'current');
      await done(tx);
    },
    async recent() {
      const d = await database();
      const all = await request<unknown[]>(
        d.transaction(INDEX, 'readonly').objectStore(INDEX).getAll()
      );
      return all
        .filter(isRecentEntry)
        .map((e) => ({ ...e, title: typeof e.title === 'string' ? e.title : '' }))
        .sort((a, b) => b.savedAt - a.savedAt)
        .slice(0, RECENT_LIMIT);
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
