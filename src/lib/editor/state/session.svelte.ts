import type { DiagramDocument } from '$lib/core/index';
import {
  isQuotaError,
  newDiagramId,
  restoreRecord,
  type RecentEntry,
  type RestoreFailure,
  type Storage
} from '../persistence/autosave';
import type { SavedMessage } from '../persistence/tabs';

/**
 * - `saved`: the document on screen is the one in storage;
 * - `pending`: a change waits for its save (a short pause after the last edit);
 * - `saving`: a write is under way;
 * - `failed`: the last write failed (storage full, or the browser refused).
 */
export type SaveState = 'saved' | 'pending' | 'saving' | 'failed';

/** Another tab's saves, announced and heard (BroadcastChannel in the browser). */
export interface TabChannel {
  announce(diagram: string, savedAt: number): void;
  listen(onOtherSave: (m: SavedMessage) => void): void;
  close(): void;
}

/** This tab's own memory, surviving reloads (sessionStorage in the browser). */
export interface TabMemory {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem?(key: string): void;
}

export interface SessionOptions {
  storage: Storage;
  channel?: TabChannel;
  tab?: TabMemory;
  /** Pause after the last change before it is saved, in ms. */
  delayMs?: number;
  newId?: () => string;
}

const TAB_DIAGRAM = 'stackdraw.diagram';
/** The tab's last edit, written at once when the page goes away before its save lands. */
const TAB_JOURNAL = 'stackdraw.unsaved';

/**
 * Which diagram this tab edits, and its autosave: the one owner of the save state.
 * Saves go to IndexedDB shortly after each change (and at once when the page is hidden or
 * closed); other tabs are told, and a tab whose diagram another tab changed keeps its own
 * edits as a copy rather than overwrite or lose them. Everything restored (the last diagram,
 * Recent, another tab's save) goes through the document reader; a record that fails is kept
 * untouched and reported. Framework-free apart from runes: tested in Node with
 * fake-indexeddb.
 */
export class Session {
  diagramId = $state('');
  saveState = $state<SaveState>('saved');
  recent = $state.raw<RecentEntry[]>([]);
  /** Another tab saved the diagram this tab edits; not yet answered. */
  conflict = $state.raw<SavedMessage | null>(null);
  /** Storage is full: the diagram lives in this tab only. */
  storageFull = $state(false);
  /** The last save error other than a full storage. */
  saveError = $state<string | null>(null);
  /** A stored diagram that could not be restored (kept as it was). */
  failure = $state.raw<RestoreFailure | null>(null);
  /**
   * Another tab changed the diagram while this tab had unanswered edits: this tab's edits
   * are kept as a diagram of their own, copied from this id.
   */
  copyOf = $state<string | null>(null);

  private pending: { doc: DiagramDocument; id: string } | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private writing: Promise<void> = Promise.resolve();
  private readonly storage: Storage;
  private readonly channel?: TabChannel;
  private readonly tab?: TabMemory;
  private readonly delayMs: number;
  private readonly newId: () => string;

  constructor(options: SessionOptions) {
    this.storage = options.storage;
    this.channel = options.channel;
    this.tab = options.tab;
    this.delayMs = options.delayMs ?? 150;
    this.newId = options.newId ?? newDiagramId;
    this.diagramId = this.newId();
    this.channel?.listen((m) => {
      if (m.diagram === this.diagramId) {
        this.conflict = m;
        // A change of ours not saved yet must not overwrite theirs: it becomes a copy.
        if (this.pending) {
          this.fork();
          this.pending.id = this.diagramId;
        }
      }
      void this.refreshRecent();
    });
  }

  /** A save is waiting or under way: closing the page now could lose it. */
  get unsaved(): boolean {
    return this.pending !== null || this.saveState === 'saving';
  }

  /**
   * The diagram to start with: this tab's own (it survives a reload), else the last one
   * saved in any tab. Undefined when there is none, or it could not be restored (then
   * `failure` says why and this tab starts a new diagram, leaving the record untouched).
   */
  async restore(): Promise<DiagramDocument | undefined> {
    let id: string | null | undefined;
    let record: unknown;
    try {
      id = this.tab?.getItem(TAB_DIAGRAM) ?? (await this.storage.current());
      record = id ? await this.storage.load(id) : undefined;
    } catch {
      id = undefined;
    }
    void this.refreshRecent();
    // A reload right after an edit: the edit was kept in the tab's journal (read like a file).
    const journal = this.readJournal(id);
    if (id && journal) {
      this.diagramId = id;
      this.remember();
      this.changed(journal);
      return journal;
    }
    if (!id || record === undefined) {
      this.remember();
      return undefined;
    }
    const restored = restoreRecord(id, record);
    if (!restored.ok) {
      this.failure = restored.failure;
      this.remember();
      // The next visit starts from the new diagram, not from the broken record again.
      void this.storage.setCurrent(this.diagramId).catch(() => {});
      return undefined;
    }
    this.diagramId = id;
    this.remember();
    this.saveState = 'saved';
    return restored.saved.doc;
  }

  /** The document changed: save it after a short pause. */
  changed(doc: DiagramDocument): void {
    // Edits while another tab's change is unanswered go to a copy of their own.
    if (this.conflict && this.conflict.diagram === this.diagramId) this.fork();
    this.pending = { doc, id: this.diagramId };
    this.saveState = 'pending';
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), this.delayMs);
  }

  /**
   * The page is going away (pagehide): keep what is not saved yet in the tab's journal at
   * once (a reload finds it there even if the database write below does not land), then save.
   */
  leave(): Promise<void> {
    const p = this.pending;
    if (p) {
      try {
        this.tab?.setItem(TAB_JOURNAL, JSON.stringify({ id: p.id, doc: p.doc }));
      } catch {
        // Too large for the tab's memory: the save below is all there is.
      }
    }
    return this.flush();
  }

  /** The journal's document for diagram `id`, checked by the reader; cleared once read. */
  private readJournal(id: string | null | undefined): DiagramDocument | undefined {
    const text = this.tab?.getItem(TAB_JOURNAL);
    if (!text) return undefined;
    this.tab?.removeItem?.(TAB_JOURNAL);
    try {
      const j = JSON.parse(text) as { id?: unknown; doc?: unknown };
      if (j.id !== id) return undefined;
      const restored = restoreRecord(String(id), { doc: j.doc });
      return restored.ok ? restored.saved.doc : undefined;
    } catch {
      return undefined;
    }
  }

  /** Save what is pending now (the page is being hidden, or the tab switches). */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    const p = this.pending;
    this.pending = null;
    if (p) this.writing = this.writing.then(() => this.write(p.doc, p.id));
    return this.writing;
  }

  /** Start a new identity (New, Open, an example): the old diagram stays in Recent. */
  startNew(id = this.newId()): void {
    void this.flush();
    this.diagramId = id;
    this.conflict = null;
    this.copyOf = null;
    this.saveState = 'saved';
    this.remember();
    void this.storage.setCurrent(id).catch(() => {});
  }

  /** Open a diagram from Recent, through the reader. */
  async open(id: string): Promise<DiagramDocument | RestoreFailure> {
    const restored = restoreRecord(id, await this.storage.load(id).catch((e: unknown) => e));
    if (!restored.ok) return restored.failure;
    this.startNew(id);
    return restored.saved.doc;
  }

  /** "Load that version": the other tab's save of this diagram, through the reader. */
  async loadTheirs(): Promise<DiagramDocument | RestoreFailure | undefined> {
    const id = this.conflict?.diagram ?? this.diagramId;
    const restored = restoreRecord(id, await this.storage.load(id).catch((e: unknown) => e));
    if (!restored.ok) return restored.failure;
    this.pending = null;
    clearTimeout(this.timer);
    this.diagramId = id;
    this.remember();
    this.conflict = null;
    this.copyOf = null;
    this.saveState = 'saved';
    return restored.saved.doc;
  }

  /** "Keep mine as a new diagram": this tab's document becomes a diagram of its own. */
  keepMine(doc: DiagramDocument): void {
    if (this.copyOf === null) this.fork();
    this.conflict = null;
    this.pending = { doc, id: this.diagramId };
    void this.flush();
  }

  /** The document on screen is the stored one (first load): nothing to save. */
  markSaved(): void {
    this.pending = null;
    clearTimeout(this.timer);
    this.saveState = 'saved';
  }

  async refreshRecent(): Promise<void> {
    try {
      this.recent = (await this.storage.recent()).filter((r) => r.id !== this.diagramId);
    } catch {
      this.recent = [];
    }
  }

  dispose(): void {
    void this.flush();
    this.channel?.close();
  }

  private fork(): void {
    this.copyOf = this.diagramId;
    this.diagramId = this.newId();
    this.remember();
  }

  private remember(): void {
    try {
      this.tab?.setItem(TAB_DIAGRAM, this.diagramId);
    } catch {
      // No tab memory (private mode): a reload opens the last saved diagram instead.
    }
  }

  private async write(doc: DiagramDocument, id: string): Promise<void> {
    if (id === this.diagramId) this.saveState = 'saving';
    try {
      const savedAt = await this.storage.save(id, doc);
      this.channel?.announce(id, savedAt);
      this.storageFull = false;
      this.saveError = null;
      // Saved: a journal kept for a reload is not needed any more.
      this.tab?.removeItem?.(TAB_JOURNAL);
      if (!this.pending && id === this.diagramId) this.saveState = 'saved';
      void this.refreshRecent();
    } catch (e) {
      if (id === this.diagramId) this.saveState = 'failed';
      if (isQuotaError(e)) this.storageFull = true;
      else this.saveError = String(e);
    }
  }
}
