import {
  addNode,
  applyFix,
  connect,
  copySelection,
  deleteElements,
  emptyDocument,
  History,
  idRecord,
  isRefused,
  measureDocument,
  moveNodes,
  paste,
  replaceDocument,
  setHost,
  setTitle,
  updateNode,
  validate,
  type Clip,
  type DiagramDocument,
  type Fix,
  type Lang,
  type NodePatch,
  type Outcome,
  type Position,
  type Preset
} from '$lib/core/index';

import { MESSAGES } from '../i18n';
import { descendants, placeNewNode } from './placement';

export type Theme = 'light' | 'dark' | 'system';

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const set = new Set(b);
  return a.every((id) => set.has(id));
}
export type View = 'graph' | 'blocks';

export interface Notice {
  kind: 'info' | 'error';
  text: string;
  detail?: string;
}

/**
 * The editor's state, in one place. The document is immutable data in `$state.raw`; all
 * changes go through `run`, which records undo history. Everything shown (the report,
 * the node sizes) is `$derived` from the document.
 */
export class Editor {
  doc = $state.raw<DiagramDocument>(emptyDocument());
  /** Selected node ids. */
  selection = $state.raw<string[]>([]);
  /** Selected edge ids. */
  selectedEdges = $state.raw<string[]>([]);
  lang = $state<Lang>('en');
  theme = $state<Theme>('system');
  view = $state<View>('graph');
  /** Relayout after every change of structure or labels. */
  arrange = $state(true);
  /** The node whose label is being edited in place. */
  renaming = $state<string | null>(null);
  notice = $state<Notice | null>(null);
  saveState = $state<'saved' | 'saving' | 'unsaved' | 'failed'>('saved');
  /** Bumped on every document change; layout results for older revisions are dropped. */
  revision = $state(0);
  /** A node to centre the view on (problems list, keyboard building). */
  focusRequest = $state<{ ids: string[]; at: number } | null>(null);

  report = $derived(validate(this.doc));
  measured = $derived(measureDocument(this.doc, this.lang));
  t = $derived(MESSAGES[this.lang]);

  private history = new History();
  private historyVersion = $state(0);
  canUndo = $derived.by(() => (this.historyVersion, this.history.canUndo));
  canRedo = $derived.by(() => (this.historyVersion, this.history.canRedo));
  private clip: Clip | null = null;
  /** Where keyboard focus goes back after renaming in place (the palette item used). */
  focusReturn: HTMLElement | null = null;
  private pasteCount = 0;

  /** Run a command; on success record it for undo. Returns whether it changed anything. */
  run<A>(
    label: string,
    perform: (doc: DiagramDocument, args: A) => Outcome,
    args: A,
    key?: string
  ): boolean {
    const outcome = perform(this.doc, args);
    if (isRefused(outcome)) {
      return false;
    }
    this.history.record({ doc: this.doc, selection: this.selection }, label, key);
    this.historyVersion++;
    this.setDoc(outcome.doc);
    if (outcome.select) this.select(outcome.select);
    if (outcome.rename) this.renaming = outcome.rename;
    return true;
  }

  private setDoc(doc: DiagramDocument) {
    this.doc = doc;
    this.revision++;
    this.saveState = 'unsaved';
  }

  /** Positions from automatic layout: part of the change that caused it, not a step of its own. */
  applyLayout(positions: Record<string, Position>, revision: number): boolean {
    if (revision !== this.revision) return false;
    const outcome = moveNodes(this.doc, { positions });
    if (isRefused(outcome)) return true;
    this.doc = outcome.doc;
    this.saveState = 'unsaved';
    return true;
  }

  undo() {
    const s = this.history.undo({ doc: this.doc, selection: this.selection });
    if (!s) return;
    this.historyVersion++;
    this.setDoc(s.doc);
    this.select([...s.selection]);
    this.renaming = null;
  }

  redo() {
    const s = this.history.redo({ doc: this.doc, selection: this.selection });
    if (!s) return;
    this.historyVersion++;
    this.setDoc(s.doc);
    this.select([...s.selection]);
    this.renaming = null;
  }

  select(ids: string[], edges: string[] = []) {
    const known = new Set(this.doc.nodes.map((n) => n.id));
    const next = ids.filter((id) => known.has(id));
    // Same selection: keep the arrays, so nothing downstream recomputes.
    if (!sameIds(next, this.selection)) this.selection = next;
    if (!sameIds(edges, this.selectedEdges)) this.selectedEdges = edges;
  }

  returnFocus() {
    const el = this.focusReturn;
    if (el && el.isConnected) el.focus();
  }

  selectAll() {
    this.select(this.doc.nodes.map((n) => n.id));
  }

  focus(ids: string[]) {
    this.focusRequest = { ids, at: Date.now() };
  }

  say(text: string, kind: Notice['kind'] = 'info', detail?: string) {
    this.notice = { text, kind, detail };
  }

  // ── Commands ────────────────────────────────────────────────────────────────────

  /** Add a palette item: on `onto` (or the single selected node), or free at `position`. */
  addPreset(preset: Preset, where: { onto?: string | null; position?: Position } = {}) {
    const onto =
      where.onto === undefined
        ? this.selection.length === 1
          ? this.selection[0]
          : undefined
        : (where.onto ?? undefined);
    const label = preset.label[this.lang];
    const size = measureDocument(
      { version: 1, nodes: [{ id: 'x', kind: preset.kind, label }], edges: [] },
      this.lang
    ).sizes.x;
    const position = where.position ?? placeNewNode(this.doc, this.measured.sizes, size, onto);
    const ok = this.run('add', addNode, {
      kind: preset.kind,
      label,
      product: preset.product,
      hypervisorType: preset.hypervisorType,
      onto,
      position
    });
    if (ok) this.focus([...this.selection]);
  }

  deleteSelection() {
    if (this.selection.length === 0 && this.selectedEdges.length === 0) return;
    this.run('delete', deleteElements, { nodes: this.selection, edges: this.selectedEdges });
  }

  copy(): Clip | null {
    if (this.selection.length === 0) return null;
    this.clip = copySelection(this.doc, this.selection);
    this.pasteCount = 0;
    return this.clip;
  }

  cut() {
    if (this.copy()) this.deleteSelection();
  }

  paste(clip: Clip | null = this.clip) {
    if (!clip) return;
    this.pasteCount++;
    this.run('paste', paste, {
      clip,
      offset: { x: 32 * this.pasteCount, y: 32 * this.pasteCount }
    });
  }

  duplicate() {
    if (this.selection.length === 0) return;
    this.run('duplicate', paste, {
      clip: copySelection(this.doc, this.selection),
      offset: { x: 32, y: 32 }
    });
  }

  nudge(dx: number, dy: number) {
    const positions = idRecord<Position>();
    for (const n of this.doc.nodes) {
      if (this.selection.includes(n.id) && n.position)
        positions[n.id] = { x: n.position.x + dx, y: n.position.y + dy };
    }
    this.run('move', moveNodes, { positions }, `nudge:${this.selection.join(',')}`);
  }

  move(positions: Record<string, Position>) {
    this.run('move', moveNodes, { positions });
  }

  /** Drop a node onto another: it now runs there. Refuses to put a node on its own guests. */
  rehost(node: string, host: string | null, position?: Position) {
    if (host !== null && descendants(this.doc, node).has(host)) {
      this.run('move', moveNodes, { positions: position ? { [node]: position } : {} });
      return;
    }
    this.run('rehost', setHost, { node, host, position });
  }

  connect(source: string, target: string) {
    return this.run('connect', connect, { source, target });
  }

  update(id: string, patch: NodePatch, key?: string) {
    this.run('edit', updateNode, { id, patch }, key);
  }

  rename(id: string, label: string) {
    this.update(id, { label }, `label:${id}`);
  }

  setTitle(title: string) {
    this.run('title', setTitle, { title }, 'title');
  }

  fix(fix: Fix) {
    this.run('fix', applyFix, { fix, lang: this.lang });
  }

  /** Replace the document (New, Open, an example): one undo brings the old one back. */
  replace(doc: DiagramDocument) {
    this.run('replace', replaceDocument, { doc });
    this.renaming = null;
  }

  /** Start from a document without any history (first load, restore). */
  load(doc: DiagramDocument) {
    this.doc = doc;
    this.revision++;
    this.selection = [];
    this.selectedEdges = [];
    this.history.clear();
    this.historyVersion++;
    this.saveState = 'saved';
  }
}
