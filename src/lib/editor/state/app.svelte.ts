import { readDocument, type DiagramDocument, type InputError } from '$lib/core/index';
import { BUSY_BYTES, nextPaint, readFileDocument, sizeWords } from '../files';
import type { RestoreFailure } from '../persistence/autosave';
import { Editor, type LayoutEngine } from './editor.svelte';
import { Session, type SessionOptions } from './session.svelte';
import { Settings, type SettingsStore } from './settings.svelte';
import type { TextPane } from '../text/pane.svelte';

/** The browser (or a test) as the app sees it. */
export interface AppEnvironment {
  session: SessionOptions;
  settings?: SettingsStore;
  languages?: readonly string[];
  layout?: LayoutEngine;
  /** Fetch a bundled example's text (under the app's base path). */
  fetchExample: (file: string) => Promise<string>;
  /** Where the "layout running" mark lives (localStorage): a crash mid-layout leaves it. */
  marks?: SettingsStore & { removeItem(key: string): void };
}

const LAYOUT_MARK = 'stackdraw.layout-running';

const isFailure = (x: DiagramDocument | RestoreFailure): x is RestoreFailure => 'reason' in x;

/**
 * The editor application without its components: settings, the editor state, the session
 * (which diagram, autosave, other tabs), and what the top bar does with documents (New,
 * Open, examples, Recent). Components render it; the shell (EditorApp.svelte) wires it to
 * the window.
 */
export class App {
  readonly settings: Settings;
  readonly editor: Editor;
  readonly session: Session;
  ready = $state(false);
  /** A file or example that could not be opened, with the reader's errors. */
  openErrors = $state.raw<{ file: string; errors: InputError[] } | null>(null);
  /** The Text panel's state while the panel is open (loaded with it: text/pane.svelte.ts). */
  text = $state.raw<TextPane | null>(null);

  constructor(private env: AppEnvironment) {
    this.settings = new Settings(env.settings, env.languages);
    const marks = env.marks;
    this.session = new Session(env.session);
    this.editor = new Editor({
      settings: this.settings,
      layout: env.layout,
      layoutWatch: marks && {
        started: () => marks.setItem(LAYOUT_MARK, this.session.diagramId),
        finished: () => marks.removeItem(LAYOUT_MARK)
      }
    });
    this.editor.onChange((doc) => this.session.changed(doc));
  }

  /**
   * Start: this tab's diagram, the last one saved, or the default example. A diagram whose
   * automatic layout never finished last time (the tab crashed or hung) opens with automatic
   * arrangement off, and says so: never restore into a crash loop.
   */
  async boot(defaultExample: string): Promise<void> {
    const example = this.fetchExample(defaultExample);
    const saved = await this.session.restore();
    const crashed = this.env.marks?.getItem(LAYOUT_MARK);
    if (crashed && crashed === this.session.diagramId) {
      this.settings.arrange = false;
      this.editor.say(this.editor.t.layoutCrashed, 'error');
    }
    this.env.marks?.removeItem(LAYOUT_MARK);
    if (saved) {
      this.editor.load(saved);
      // A document from the tab's journal (a reload right after an edit) still needs its save.
      if (!this.session.unsaved) this.session.markSaved();
    } else {
      const doc = this.session.failure ? undefined : await example;
      if (doc) this.editor.load(doc);
      this.session.markSaved();
    }
    this.ready = true;
  }

  async fetchExample(file: string): Promise<DiagramDocument | null> {
    try {
      const read = readDocument(await this.env.fetchExample(file));
      if (read.ok) return read.document;
      this.openErrors = { file, errors: read.errors };
    } catch (e) {
      this.editor.say(this.editor.t.openFailed(file), 'error', String(e));
    }
    return null;
  }

  /** Open a document as a new diagram: undo brings the previous one back, Recent keeps it. */
  openDocument(doc: DiagramDocument): void {
    this.openErrors = null;
    this.session.startNew();
    this.editor.replace(doc);
  }

  async openExample(file: string): Promise<void> {
    const doc = await this.fetchExample(file);
    if (doc) this.openDocument(doc);
  }

  /** Open a `.json` or stackdraw `.svg` file (read off the main thread); errors are shown. */
  async openFile(file: File): Promise<void> {
    const opened = await this.busy(file.name, file.size, () => readFileDocument(file));
    if (opened.ok) this.openDocument(opened.doc);
    else this.openErrors = { file: file.name, errors: opened.errors };
  }

  /**
   * Do heavy work on an input of `bytes` bytes; from BUSY_BYTES on, first show "Reading NAME
   * (SIZE)…" and let it paint, so the page never freezes without a word. The notice goes when
   * the work is done.
   */
  async busy<T>(name: string, bytes: number, work: () => T | Promise<T>): Promise<T> {
    if (bytes < BUSY_BYTES) return work();
    this.editor.notice = { kind: 'busy', text: this.editor.t.reading(name, sizeWords(bytes)) };
    // The state's own (proxied) object, to clear only this notice.
    const notice = this.editor.notice;
    await nextPaint();
    try {
      return await work();
    } finally {
      if (this.editor.notice === notice) this.editor.notice = null;
    }
  }

  newDocument(): void {
    this.openDocument({ version: 1, nodes: [], edges: [] });
  }

  async openRecent(id: string): Promise<void> {
    const opened = await this.session.open(id);
    if (isFailure(opened)) return this.cannotRestore(opened);
    this.editor.replace(opened);
    this.session.markSaved();
  }

  async loadTheirs(): Promise<void> {
    const theirs = await this.session.loadTheirs();
    if (!theirs) return;
    if (isFailure(theirs)) return this.cannotRestore(theirs);
    this.editor.replace(theirs);
    this.session.markSaved();
  }

  keepMine(): void {
    this.session.keepMine(this.editor.doc);
  }

  private cannotRestore(failure: RestoreFailure): void {
    this.session.failure = failure;
  }
}
