import {
  addNode,
  applyFix,
  buildGraph,
  connect,
  copySelection,
  deleteElements,
  duplicate,
  emptyDocument,
  History,
  idRecord,
  isRefused,
  markers,
  measureDocument,
  moveNodes,
  positionsOnlyChange,
  paste,
  replaceDocument,
  reverseEdge,
  setHost,
  setTitle,
  tidyReferences,
  createCluster,
  updateCluster,
  removeCluster,
  setCluster,
  addReplica,
  consolidate,
  consolidationLine,
  figuresOf,
  Topology,
  type ConsolidateArgs,
  updateNode,
  validate,
  type Clip,
  type DiagramDocument,
  type Fix,
  type Lang,
  type LayoutResult,
  type NodeBox,
  type NodePatch,
  type Outcome,
  type Position,
  type Preset,
  type Size
} from '$lib/core/index';
import { MESSAGES } from '../i18n';
import { placeNewNode } from './placement';
import { Settings, type Theme, type View } from './settings.svelte';
import { WhatIf } from './whatif.svelte';

export type { Theme, View };

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const set = new Set(b);
  return a.every((id) => set.has(id));
}

export interface Notice {
  /** `busy`: work under way (stays until it ends). */
  kind: 'info' | 'error' | 'busy';
  text: string;
  detail?: string;
}

/** What lays documents out (ELK in a worker, in the browser). */
export interface LayoutEngine {
  layout(doc: DiagramDocument, sizes: Record<string, Size>): Promise<LayoutResult>;
}

/** A layout that ran out of time (the engine says so by the error's name). */
export const isLayoutTimeout = (e: unknown) =>
  (e as { name?: string } | null)?.name === 'LayoutTimeout';

/** What layout costs for whom: told when automatic layout of a diagram starts and ends. */
export interface LayoutWatch {
  started(): void;
  finished(): void;
}

export interface EditorOptions {
  settings?: Settings;
  layout?: LayoutEngine;
  layoutWatch?: LayoutWatch;
}

/**
 * The editor's state, in one place. The document is immutable data in `$state.raw`; all
 * changes go through `run`, which records undo history and tells listeners (autosave).
 * Everything shown (the report, node sizes) is `$derived` from the document. Automatic
 * layout is part of a change: after a change of structure or labels the document is laid
 * out again and the positions applied without a history step or a new validation.
 */
export class Editor {
  doc = $state.raw<DiagramDocument>(emptyDocument());
  /** Selected node ids. */
  selection = $state.raw<string[]>([]);
  /** Selected edge ids. */
  selectedEdges = $state.raw<string[]>([]);
  /** The node whose label is being edited in place. */
  renaming = $state<string | null>(null);
  /**
   * The node a dragged node or palette item would land on (the canvas highlights it). Read
   * by that node alone: a new drop target re-renders two nodes, not the canvas model.
   */
  dropTarget = $state<string | null>(null);
  /** The node whose rename box a command (drop, Fix) opened, not the user; see takeAutoRename. */
  private autoRename: string | null = null;
  notice = $state<Notice | null>(null);
  /** Bumped on every document change; layout results for older revisions are dropped. */
  revision = $state(0);
  /** Nodes to centre the view on (problems list, keyboard building, after a layout). */
  focusRequest = $state<{ ids: string[]; at: number } | null>(null);

  /** The cluster whose frame was chosen (the Inspector shows it); cleared by `select`. */
  selectedCluster = $state<string | null>(null);

  readonly settings: Settings;
  /**
   * The document as of its last change of anything but positions: what validation,
   * measuring, captions and markers read, so that moving nodes (a drag, a layout landing)
   * recomputes none of them. Its positions may be stale: read positions from `doc`.
   */
  structure = $state.raw<DiagramDocument>(this.doc);
  /** Who runs on whom (adjacency, stacks): one per structural revision, shared. */
  graph = $derived(buildGraph(this.structure));
  report = $derived(validate(this.structure, { graph: this.graph }));
  /** Problem counts per node and offending edges: one computation for canvas and export. */
  marks = $derived(markers(this.report, this.structure));
  /** The "What if … fails?" mode. */
  readonly whatIf: WhatIf = new WhatIf(this);
  /** Machines, VMs, services, services per machine (the status bar's summary). */
  /** Machines, clusters and VMs of the document (the Inspector and the status bar read it). */
  topology = $derived(new Topology(this.structure, this.graph));
  figures = $derived(figuresOf(this.topology));
  /** The consolidation dialog is open. */
  consolidating = $state(false);
  measured = $derived.by(() =>
    measureDocument(this.structure, this.settings.lang, this.measureMemo)
  );
  /** Boxes by label and caption: only new or renamed nodes are measured again. */
  private readonly measureMemo = new Map<string, NodeBox>();
  t = $derived.by(() => MESSAGES[this.settings.lang]);

  private history = new History();
  private historyVersion = $state(0);
  /** Undo and redo wait while "What if" shows a failure (the mode never changes the document). */
  canUndo = $derived.by(() => (this.historyVersion, this.history.canUndo && !this.whatIf.active));
  canRedo = $derived.by(() => (this.historyVersion, this.history.canRedo && !this.whatIf.active));
  private clip: Clip | null = null;
  /** Where keyboard focus goes back after renaming in place (the palette item used). */
  focusReturn: HTMLElement | null = null;
  private pasteCount = 0;
  private listeners: ((doc: DiagramDocument) => void)[] = [];
  private readonly engine?: LayoutEngine;
  private readonly watch?: LayoutWatch;
  /** The structure last laid out; a change of positions only does not lay out again. */
  private laidOut = '';
  /** Fit the view once the next layout lands (after loading or replacing a document). */
  private fitAfterLayout = true;

  constructor(options: EditorOptions = {}) {
    this.settings = options.settings ?? new Settings();
    this.engine = options.layout;
    this.watch = options.layoutWatch;
  }

  get lang(): Lang {
    return this.settings.lang;
  }
  set lang(l: Lang) {
    this.settings.lang = l;
    // Captions are part of the boxes: another language may need other sizes.
    void this.relayout();
  }
  get theme(): Theme {
    return this.settings.theme;
  }
  set theme(t: Theme) {
    this.settings.theme = t;
  }
  get view(): View {
    return this.settings.view;
  }
  set view(v: View) {
    this.settings.view = v;
  }
  get arrange(): boolean {
    return this.settings.arrange;
  }
  set arrange(on: boolean) {
    this.settings.arrange = on;
    if (on) void this.relayout();
  }

  /** Be told of every document change (autosave). */
  onChange(listener: (doc: DiagramDocument) => void): void {
    this.listeners.push(listener);
  }

  /**
   * Run a command; on success record it for undo. Returns whether it changed anything;
   * a refusal is returned as its reason for the caller to say.
   */
  run<A>(
    label: string,
    perform: (doc: DiagramDocument, args: A) => Outcome,
    args: A,
    key?: string
  ): boolean {
    // "What if … fails?" shows the document as it is: no change until the user leaves it.
    if (this.whatIf.active) {
      this.say(this.t.whatIfReadOnly);
      return false;
    }
    const outcome = perform(this.doc, args);
    if (isRefused(outcome)) {
      // Refusals the user should hear of are said in their language; the rest (nothing to
      // change) pass silently.
      if (outcome.reason) this.say(this.t.refused[outcome.reason], 'error');
      return false;
    }
    this.history.record({ doc: this.doc, selection: this.selection }, label, key);
    this.historyVersion++;
    // Deleting or moving a machine may leave a cluster or an FT copy pointing at nothing.
    this.setDoc(
      outcome.positionsOnly ? outcome.doc : tidyReferences(outcome.doc),
      !outcome.positionsOnly
    );
    if (outcome.select) this.select(outcome.select);
    if (outcome.rename) this.renaming = this.autoRename = outcome.rename;
    return true;
  }

  private setDoc(doc: DiagramDocument, structural: boolean) {
    this.doc = doc;
    if (structural) this.structure = doc;
    this.revision++;
    for (const l of this.listeners) l(doc);
    if (structural) void this.relayout();
  }

  /**
   * Positions from automatic layout: part of the change that caused it, not a step of its
   * own, and nothing to validate again. Dropped when the document changed since.
   */
  applyLayout(positions: Record<string, Position>, revision: number): boolean {
    if (revision !== this.revision) return false;
    const outcome = moveNodes(this.doc, { positions });
    if (isRefused(outcome)) return true;
    this.doc = outcome.doc;
    for (const l of this.listeners) l(outcome.doc);
    return true;
  }

  /**
   * Lay the document out again when arranging automatically and its structure or labels
   * changed, or when some node has no position yet (a loaded file without positions).
   */
  async relayout(): Promise<void> {
    const doc = this.doc;
    if (!this.engine) return;
    const missing = doc.nodes.some((n) => !n.position);
    const key = `${this.lang}:${structureKey(doc)}`;
    if (!missing && (!this.settings.arrange || key === this.laidOut)) return;
    this.laidOut = key;
    const revision = this.revision;
    try {
      this.watch?.started();
      const result = await this.engine.layout(doc, this.measured.sizes);
      this.watch?.finished();
      if (!this.applyLayout(positionsOf(result), revision)) return;
      // Keep the work in view: a small diagram whole, a large one around the selection.
      if (this.fitAfterLayout || doc.nodes.length <= 60) this.focus(doc.nodes.map((n) => n.id));
      else if (this.selection.length) this.focus([...this.selection]);
      this.fitAfterLayout = false;
    } catch (e) {
      this.watch?.finished();
      this.laidOut = '';
      if (isLayoutTimeout(e)) {
        // Never again on this diagram by itself: the user can arrange by hand or retry.
        this.settings.arrange = false;
        this.say(this.t.layoutTimeout, 'error', String(e));
      } else this.say(this.t.layoutFailed, 'error', String(e));
    }
  }

  /** The Auto layout button: lay out now, as one undoable move. */
  async autoLayout(): Promise<void> {
    if (!this.engine) return;
    try {
      const result = await this.engine.layout(this.doc, this.measured.sizes);
      this.move(positionsOf(result));
      this.focus(this.doc.nodes.map((n) => n.id));
    } catch (e) {
      this.say(isLayoutTimeout(e) ? this.t.layoutTimeout : this.t.layoutFailed, 'error', String(e));
    }
  }

  undo() {
    if (this.whatIf.active) return;
    const s = this.history.undo({ doc: this.doc, selection: this.selection });
    if (!s) return;
    this.historyVersion++;
    this.setDoc(s.doc, !positionsOnlyChange(this.doc, s.doc));
    this.select([...s.selection]);
    this.renaming = null;
  }

  redo() {
    if (this.whatIf.active) return;
    const s = this.history.redo({ doc: this.doc, selection: this.selection });
    if (!s) return;
    this.historyVersion++;
    this.setDoc(s.doc, !positionsOnlyChange(this.doc, s.doc));
    this.select([...s.selection]);
    this.renaming = null;
  }

  select(ids: string[], edges: string[] = []) {
    // Choosing nodes or edges leaves a chosen cluster (an empty selection keeps it: the
    // canvas reports one when a frame is chosen).
    if (ids.length || edges.length) this.selectedCluster = null;
    const known = new Set(this.doc.nodes.map((n) => n.id));
    const next = ids.filter((id) => known.has(id));
    // Same selection: keep the arrays, so nothing downstream recomputes.
    if (!sameIds(next, this.selection)) this.selection = next;
    if (!sameIds(edges, this.selectedEdges)) this.selectedEdges = edges;
  }

  /**
   * Whether the rename box of `id`, opening now, was opened by a command (a drop or a Fix)
   * rather than by the user (double-click, F2, Enter). Asked once per box: the answer is used up.
   */
  takeAutoRename(id: string): boolean {
    const auto = this.autoRename === id;
    this.autoRename = null;
    return auto;
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
    this.run('add', addNode, {
      kind: preset.kind,
      label,
      product: preset.product,
      hypervisorType: preset.hypervisorType,
      onto,
      position
    });
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

  /**
   * Paste a clip (the system clipboard's), or `'copied'`: the last one copied here. With one
   * node selected, the pasted stacks run on it where they may.
   */
  paste(what: Clip | 'copied') {
    const clip = what === 'copied' ? this.clip : what;
    if (!clip) return;
    this.pasteCount++;
    this.run('paste', paste, {
      clip,
      offset: { x: 32 * this.pasteCount, y: 32 * this.pasteCount },
      onto: this.selection.length === 1 ? this.selection[0] : undefined
    });
  }

  /** Duplicate the selection; each copy runs on the same host as its original. */
  duplicate() {
    if (this.selection.length === 0) return;
    this.run('duplicate', duplicate, { ids: this.selection, offset: { x: 32, y: 32 } });
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

  /**
   * Drop a node onto another: it now runs there. A drop onto something that runs on the
   * node (a loop: the core refuses it) only moves the node.
   */
  setHost(node: string, host: string | null, position?: Position) {
    if (this.run('rehost', setHost, { node, host, position })) return;
    if (position) {
      const positions = idRecord<Position>();
      positions[node] = position;
      this.run('move', moveNodes, { positions });
    }
  }

  /** Swap a connection's direction (the Inspector, with an edge selected). */
  reverseEdge(id: string) {
    if (this.run('swap', reverseEdge, { id })) this.select([], [id]);
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

  // ── Redundancy: clusters, FT copies, consolidation ───────────────────────────────

  /** Make a cluster of the selected nodes' machines; the new cluster is shown. */
  makeCluster(ids: readonly string[] = this.selection) {
    const done = createCluster(this.doc, { members: ids, lang: this.lang });
    if (this.run('cluster', () => done, undefined) && !isRefused(done))
      this.selectCluster(done.cluster ?? null);
  }

  selectCluster(id: string | null) {
    this.select([]);
    this.selectedCluster = id;
  }

  updateCluster(id: string, patch: { label?: string; ha?: boolean }) {
    this.run(
      'cluster',
      updateCluster,
      { id, ...patch },
      patch.label !== undefined ? `cluster:${id}` : undefined
    );
  }

  removeCluster(id: string) {
    if (this.run('cluster', removeCluster, { id })) this.selectedCluster = null;
  }

  /** Put a machine in a cluster, or in none. */
  setCluster(machine: string, cluster: string | null) {
    this.run('cluster', setCluster, { machine, cluster });
  }

  /** An FT copy of a guest OS, with what runs in it, on hypervisor `hv`. */
  addReplica(guest: string, hv: string) {
    this.run('replica', addReplica, { guest, hv, suffix: this.t.ftCopySuffix });
  }

  /**
   * Consolidate dedicated servers onto Type 1 hosts, as one undoable step, and say
   * "8 physical servers → 2 (4:1)". Returns whether it was done (else the reason is shown).
   */
  consolidate(args: Omit<ConsolidateArgs, 'lang'>): boolean {
    const done = consolidate(this.doc, { ...args, lang: this.lang });
    if (isRefused(done)) {
      this.say(done.error, 'error');
      return false;
    }
    this.fitAfterLayout = true;
    this.run('consolidate', () => done, undefined);
    this.say(consolidationLine(done.before!, done.after!, this.lang));
    return true;
  }

  /** Replace the document (New, Open, an example): one undo brings the old one back. */
  replace(doc: DiagramDocument) {
    this.fitAfterLayout = true;
    this.run('replace', replaceDocument, { doc });
    this.renaming = null;
    this.focus(doc.nodes.map((n) => n.id));
  }

  /** Start from a document without any history (first load, restore). */
  load(doc: DiagramDocument) {
    this.doc = doc;
    this.structure = doc;
    this.revision++;
    this.selection = [];
    this.selectedEdges = [];
    this.history.clear();
    this.historyVersion++;
    this.fitAfterLayout = true;
    void this.relayout();
  }
}

/** Positions of a layout's node rectangles (top-left, px), by node id. */
export function positionsOf(layout: LayoutResult): Record<string, Position> {
  const out = idRecord<Position>();
  for (const [id, r] of Object.entries(layout.nodes)) out[id] = { x: r.x, y: r.y };
  return out;
}

/** What a relayout depends on: structure, labels and clusters, not positions. */
export function structureKey(doc: DiagramDocument): string {
  return JSON.stringify([
    doc.nodes.map((n) => [n.id, n.kind, n.label, n.product ?? null, n.hypervisorType ?? null]),
    doc.edges.map((e) => [e.source, e.target]),
    // Stacks of a cluster stand together, in a frame as wide as its caption.
    (doc.clusters ?? []).map((c) => [c.id, c.label ?? null, c.members, c.ha === true])
  ]);
}
