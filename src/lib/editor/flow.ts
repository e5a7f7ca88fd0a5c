import {
  coveredSegments,
  KIND_SPECS,
  stackIsValid,
  nodeName,
  type DiagramDocument,
  type FailureOverlay,
  type Markers,
  type NodeBox,
  type NodeKind,
  type Segment,
  type StackReport,
  type ValidationReport
} from '$lib/core/index';
import type { Edge, Node } from '@xyflow/svelte';
import { Position } from '@xyflow/svelte';

/** What a canvas node shows. */
export interface StackNodeData extends Record<string, unknown> {
  kind: NodeKind;
  label: string;
  caption: string;
  lines: string[];
  errors: number;
  warnings: number;
  infos: number;
  /** The stack's verdict, on hardware roots. */
  badge?: {
    classification: string;
    ok: boolean;
    nested: boolean;
    expect?: string;
    met?: boolean;
    missing?: StackReport['missing'];
  };
  renaming: boolean;
  /** In the "What if … fails?" mode: failed, stopped (dimmed), down for good, or an FT copy
   * that takes over. */
  failure?: 'failed' | 'stopped' | 'down' | 'continues';
}

export type StackFlowNode = Node<StackNodeData, 'stack'>;

/** An HA-restarted guest (or what runs in it) drawn where it restarts (failure view). */
export interface GhostNodeData extends Record<string, unknown> {
  kind: NodeKind;
  caption: string;
  lines: string[];
  /** The restarted guest itself (its caption says so), not what runs in it. */
  restarted: boolean;
}
export type GhostFlowNode = Node<GhostNodeData, 'ghost'>;

const HANDLE = 8;

/**
 * What each node shows, by node id, for one structural revision (labels, captions, wrapped
 * lines, problem counts, the stack's verdict, its state in the failure view), with
 * `renaming` false. The objects of `previous` are kept where nothing shown
 * changed, so the node components skip them.
 */
export function flowNodeData(
  doc: DiagramDocument,
  report: ValidationReport,
  marked: Markers,
  boxes: Record<string, NodeBox>,
  captions: ReadonlyMap<string, string>,
  previous?: ReadonlyMap<string, StackNodeData>,
  overlay?: FailureOverlay
): Map<string, StackNodeData> {
  const stacks = new Map(report.stacks.map((s) => [s.root, s]));
  const out = new Map<string, StackNodeData>();
  for (const n of doc.nodes) {
    const box = boxes[n.id];
    const m = marked.nodes.get(n.id);
    const s = stacks.get(n.id);
    const fresh: StackNodeData = {
      kind: n.kind,
      label: nodeName(n, n.id),
      caption: captions.get(n.id) ?? KIND_SPECS[n.kind].caption.en,
      lines: box?.lines ?? [n.label],
      errors: m?.error ?? 0,
      warnings: m?.warning ?? 0,
      infos: m?.info ?? 0,
      badge: s
        ? {
            classification: s.classification,
            ok: stackIsValid(s),
            nested: s.nested,
            expect: s.expect,
            met: s.expectationMet,
            missing: s.missing
          }
        : undefined,
      renaming: false,
      failure: failureOf(overlay, n.id)
    };
    const old = previous?.get(n.id);
    out.set(n.id, old && sameData(old, fresh) ? old : fresh);
  }
  return out;
}

/**
 * The document's nodes as Svelte Flow nodes: positions from `doc` (top-left, px; a node
 * without one is stacked diagonally), sizes from `boxes`, data from `flowNodeData`. A node
 * whose position, size, selection and data are those of its object in `previous` keeps that
 * object: moving one node of 1,000 hands Svelte Flow one new object. O(nodes), no text work.
 * (The drop target is not part of the model: `Editor.dropTarget`, read by the node itself.)
 */
export function flowNodes(
  doc: DiagramDocument,
  data: ReadonlyMap<string, StackNodeData>,
  boxes: Record<string, NodeBox>,
  selection: readonly string[],
  renaming: string | null,
  previous?: readonly StackFlowNode[]
): StackFlowNode[] {
  const prevNodes = new Map(previous?.map((n) => [n.id, n]));
  const selected = new Set(selection);
  return doc.nodes.map((n, i): StackFlowNode => {
    const box = boxes[n.id];
    const width = box?.width ?? 140;
    const height = box?.height ?? 50;
    const position = n.position ?? { x: i * 24, y: i * 24 };
    const isSelected = selected.has(n.id);
    const old = prevNodes.get(n.id);
    let d = data.get(n.id)!;
    if (renaming === n.id)
      d = old && sameData(old.data, { ...d, renaming: true }) ? old.data : { ...d, renaming: true };
    if (
      old &&
      old.data === d &&
      old.position.x === position.x &&
      old.position.y === position.y &&
      old.width === width &&
      old.height === height &&
      old.selected === isSelected
    )
      return old;
    return {
      id: n.id,
      type: 'stack',
      position,
      width,
      height,
      measured: { width, height },
      selected: isSelected,
      handles:
        old && old.width === width && old.height === height
          ? old.handles
          : handlesOf(width, height),
      data: d
    };
  });
}

/**
 * Edges the canvas need not draw: in a document with more edges than nodes (a dense one,
 * every node on every node below it), straight edges lying wholly on shorter ones of the same
 * style and on the boxes drawn over them (`coveredSegments`). Empty for ordinary documents.
 * Positions from `doc` (top-left, px); an edge runs from its host's top centre to its guest's
 * bottom centre, as the handles are placed.
 */
export function coveredEdges(
  doc: DiagramDocument,
  marked: Markers,
  boxes: Record<string, NodeBox>
): Set<string> {
  if (doc.edges.length <= doc.nodes.length) return new Set();
  const rects = new Map<string, { x: number; y: number; width: number; height: number }>();
  for (const n of doc.nodes) {
    const b = boxes[n.id];
    if (n.position && b) rects.set(n.id, { ...n.position, width: b.width, height: b.height });
  }
  const segments: Segment[] = [];
  for (const e of doc.edges) {
    const s = rects.get(e.source);
    const t = rects.get(e.target);
    if (!s || !t) continue;
    segments.push({
      id: e.id,
      x1: s.x + s.width / 2,
      y1: s.y,
      x2: t.x + t.width / 2,
      y2: t.y + t.height,
      style: marked.edges.has(e.id) ? 'bad' : 'ok'
    });
  }
  return coveredSegments(segments, [...rects.values()]);
}

/**
 * The document's edges as Svelte Flow edges (guests attach on top of their host), offending
 * ones marked, those in `hidden` (see `coveredEdges`) not drawn; an edge equal to its object
 * in `previous` keeps that object.
 */
export function flowEdges(
  doc: DiagramDocument,
  marked: Markers,
  selectedEdges: readonly string[],
  runsOn: (guest: string, host: string) => string,
  previous?: readonly Edge[],
  hidden: ReadonlySet<string> = new Set()
): Edge[] {
  const prevEdges = new Map(previous?.map((e) => [e.id, e]));
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  const edgeSelected = new Set(selectedEdges);
  return doc.edges.map((e) => {
    const bad = marked.edges.has(e.id);
    const fresh: Edge = {
      id: e.id,
      source: e.source,
      target: e.target,
      sourceHandle: 'top',
      targetHandle: 'bottom',
      type: 'smoothstep',
      selected: edgeSelected.has(e.id),
      class: bad ? 'bad' : undefined,
      ariaLabel: `${runsOn(nodeName(byId.get(e.target), e.target), nodeName(byId.get(e.source), e.source))}${bad ? ' ⚠' : ''}`
    };
    if (hidden.has(e.id)) fresh.hidden = true;
    const old = prevEdges.get(e.id);
    return old && shallowEqual(old, fresh) ? old : fresh;
  });
}

/** HA-restarted guests (and what runs in them) drawn where they restart, in the failure view. */
export function flowGhosts(
  doc: DiagramDocument,
  boxes: Record<string, NodeBox>,
  captions: ReadonlyMap<string, string>,
  overlay?: FailureOverlay,
  restartedCaption = ''
): { ghosts: GhostFlowNode[]; ghostEdges: Edge[] } {
  const ghosts: GhostFlowNode[] = [];
  const ghostEdges: Edge[] = [];
  if (!overlay?.ghosts.length) return { ghosts, ghostEdges };
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  for (const g of overlay.ghosts) {
    const gid = (id: string) => `ghost:${g.guest}:${id}`;
    for (const [id, r] of [
      [g.guest, g.rect] as const,
      ...g.above.map((a) => [a.id, a.rect] as const)
    ]) {
      const n = byId.get(id);
      if (!n) continue;
      ghosts.push({
        id: gid(id),
        type: 'ghost',
        position: { x: r.x, y: r.y },
        width: r.width,
        height: r.height,
        measured: { width: r.width, height: r.height },
        draggable: false,
        selectable: false,
        connectable: false,
        focusable: false,
        handles: handlesOf(r.width, r.height),
        data: {
          kind: n.kind,
          caption:
            id === g.guest ? restartedCaption : (captions.get(id) ?? KIND_SPECS[n.kind].caption.en),
          lines: boxes[id]?.lines ?? [n.label],
          restarted: id === g.guest
        }
      });
    }
    const link = (source: string, target: string): Edge => ({
      id: `ghost-edge:${source}->${target}`,
      source,
      target,
      sourceHandle: 'top',
      targetHandle: 'bottom',
      type: 'smoothstep',
      class: 'ghost',
      selectable: false,
      focusable: false
    });
    ghostEdges.push(link(g.hypervisor, gid(g.guest)));
    for (const e of g.edges) ghostEdges.push(link(gid(e.source), gid(e.target)));
  }
  return { ghosts, ghostEdges };
}

/** A node's two handles: guests attach on top (source), its host below (target). */
function handlesOf(width: number, height: number): NonNullable<Node['handles']> {
  return [
    {
      id: 'top',
      type: 'source',
      position: Position.Top,
      x: width / 2 - HANDLE / 2,
      y: -HANDLE / 2,
      width: HANDLE,
      height: HANDLE
    },
    {
      id: 'bottom',
      type: 'target',
      position: Position.Bottom,
      x: width / 2 - HANDLE / 2,
      y: height - HANDLE / 2,
      width: HANDLE,
      height: HANDLE
    }
  ];
}

/** A node's state in the failure view. */
function failureOf(overlay: FailureOverlay | undefined, id: string): StackNodeData['failure'] {
  if (!overlay) return undefined;
  if (overlay.failed.has(id)) return 'failed';
  if (overlay.down.has(id)) return 'down';
  if (overlay.stopped.has(id)) return 'stopped';
  if (overlay.continuing.has(id)) return 'continues';
  return undefined;
}

function shallowEqual(a: object, b: object): boolean {
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka)
    if ((a as Record<string, unknown>)[k] !== (b as Record<string, unknown>)[k]) return false;
  return true;
}

/** Whether two nodes' data show the same (lines and badge compared by value). */
function sameData(a: StackNodeData, b: StackNodeData): boolean {
  return shallowEqual(
    { ...a, lines: a.lines.join('\n'), badge: JSON.stringify(a.badge) },
    { ...b, lines: b.lines.join('\n'), badge: JSON.stringify(b.badge) }
  );
}
