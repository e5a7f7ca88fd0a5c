import type { ElkNode } from 'elkjs/lib/elk-api';
import type { DiagramDocument, Position } from '../model/types';
import { buildGraph, stackOrder } from '../rules/graph';

/**
 * Automatic layout: each stack (a hardware root and what runs on it) is its own ELK graph,
 * laid out bottom-up (`elk.direction: UP`), and the stacks stand side by side in document
 * order, bottoms aligned. Nodes in no stack go in an area of their own to the right.
 * A stack whose nodes, labels, sizes and edges did not change reuses its last layout.
 *
 * The floor is the line y = 0: every stack stands on it and grows upward (negative y), so a
 * stack that grows taller moves no other stack up or down.
 */

/** What lays out one ELK graph: elk.bundled in Node, a Web Worker in the browser. */
export interface ElkLike {
  layout(graph: ElkNode): Promise<ElkNode>;
}

export interface Size {
  width: number;
  height: number;
}

export interface Rect extends Position, Size {}

export interface LaidOutEdge {
  /** Polyline from the host (bottom) to the guest (top), absolute coordinates. */
  points: Position[];
}

export interface LayoutResult {
  nodes: Record<string, Rect>;
  edges: Record<string, LaidOutEdge>;
  /** The groups laid out, in order: one per stack, then the unplaced area if any. */
  groups: { root: string | null; nodes: string[]; bounds: Rect }[];
  bounds: Rect;
}

/** A layout of one group in its own coordinates (top-left at 0,0). */
interface GroupLayout {
  key: string;
  width: number;
  height: number;
  nodes: Record<string, Rect>;
  edges: Record<string, Position[]>;
}

/** Remembers group layouts by content, so an unchanged stack is not laid out again. */
export class LayoutCache {
  private entries = new Map<string, GroupLayout>();
  hits = 0;
  misses = 0;
  get(key: string) {
    const v = this.entries.get(key);
    if (v) this.hits++;
    else this.misses++;
    return v;
  }
  set(key: string, v: GroupLayout) {
    this.entries.set(key, v);
  }
  /** Keep only the keys used by the last layout. */
  retain(keys: Set<string>) {
    for (const k of this.entries.keys()) if (!keys.has(k)) this.entries.delete(k);
  }
  get size() {
    return this.entries.size;
  }
}

export const ELK_OPTIONS: Record<string, string> = {
  'elk.algorithm': 'layered',
  'elk.direction': 'UP',
  'elk.edgeRouting': 'ORTHOGONAL',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.layered.crossingMinimization.forceNodeModelOrder': 'true',
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
  'elk.layered.nodePlacement.bk.fixedAlignment': 'BALANCED',
  'elk.spacing.nodeNode': '28',
  'elk.layered.spacing.nodeNodeBetweenLayers': '40',
  'elk.spacing.edgeNode': '16',
  'elk.spacing.edgeEdge': '10',
  'elk.padding': '[top=0,left=0,bottom=0,right=0]'
};

export const STACK_GAP = 72;

export interface LayoutInput {
  doc: DiagramDocument;
  /** Box size of every node. */
  sizes: Record<string, Size>;
  elk: ElkLike;
  cache?: LayoutCache;
}

/** Split a document into layout groups: stacks in document order, then the rest. */
export function layoutGroups(doc: DiagramDocument): { root: string | null; nodes: string[] }[] {
  const g = buildGraph(doc);
  const order = new Map(doc.nodes.map((n, i) => [n.id, i]));
  const taken = new Set<string>();
  const groups: { root: string | null; nodes: string[] }[] = [];
  const roots = doc.nodes.filter((n) => n.kind === 'hardware' && !g.hosts.has(n.id));
  for (const root of roots) {
    const members = stackOrder(g, root.id).filter((id) => !taken.has(id));
    for (const id of members) taken.add(id);
    members.sort((a, b) => order.get(a)! - order.get(b)!);
    groups.push({ root: root.id, nodes: members });
  }
  const rest = doc.nodes.filter((n) => !taken.has(n.id)).map((n) => n.id);
  if (rest.length) groups.push({ root: null, nodes: rest });
  return groups;
}

/** Two decimals, and never -0 (so equal positions compare equal). */
const round = (v: number) => {
  const r = Math.round(v * 100) / 100;
  return r === 0 ? 0 : r;
};

async function layoutGroup(
  ids: string[],
  doc: DiagramDocument,
  sizes: Record<string, Size>,
  elk: ElkLike,
  cache: LayoutCache | undefined
): Promise<GroupLayout> {
  const members = new Set(ids);
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  const edges = doc.edges.filter((e) => members.has(e.source) && members.has(e.target));
  const key = JSON.stringify([
    ids.map((id) => {
      const n = byId.get(id)!;
      const s = sizes[id];
      return [id, n.kind, n.label, s.width, s.height];
    }),
    edges.map((e) => [e.id, e.source, e.target])
  ]);
  const cached = cache?.get(key);
  if (cached) return cached;

  const graph: ElkNode = {
    id: '__root',
    layoutOptions: ELK_OPTIONS,
    children: ids.map((id) => ({ id, width: sizes[id].width, height: sizes[id].height })),
    edges: edges.map((e) => ({ id: e.id, sources: [e.source], targets: [e.target] }))
  };
  const out = await elk.layout(graph);
  const nodes: Record<string, Rect> = {};
  for (const c of out.children ?? []) {
    nodes[c.id] = {
      x: round(c.x ?? 0),
      y: round(c.y ?? 0),
      width: c.width ?? 0,
      height: c.height ?? 0
    };
  }
  const routed: Record<string, Position[]> = {};
  for (const e of out.edges ?? []) {
    const s = e.sections?.[0];
    if (!s) continue;
    routed[e.id] = [s.startPoint, ...(s.bendPoints ?? []), s.endPoint].map((p) => ({
      x: round(p.x),
      y: round(p.y)
    }));
  }
  const result: GroupLayout = {
    key,
    width: round(out.width ?? 0),
    height: round(out.height ?? 0),
    nodes,
    edges: routed
  };
  cache?.set(key, result);
  return result;
}

export async function layoutDocument(input: LayoutInput): Promise<LayoutResult> {
  const { doc, sizes, elk, cache } = input;
  const groups = layoutGroups(doc);
  const laid = await Promise.all(groups.map((g) => layoutGroup(g.nodes, doc, sizes, elk, cache)));
  const tallest = laid.reduce((m, l) => Math.max(m, l.height), 0);
  const result: LayoutResult = {
    nodes: {},
    edges: {},
    groups: [],
    bounds: { x: 0, y: round(-tallest), width: 0, height: tallest }
  };
  let x = 0;
  laid.forEach((l, i) => {
    // Bottoms aligned: every machine stands on the same floor, y = 0. (Aligning on the
    // tallest stack instead would move every stack down when one of them grows.)
    const dy = -l.height;
    for (const [id, r] of Object.entries(l.nodes)) {
      result.nodes[id] = { ...r, x: round(r.x + x), y: round(r.y + dy) };
    }
    for (const [id, pts] of Object.entries(l.edges)) {
      result.edges[id] = { points: pts.map((p) => ({ x: round(p.x + x), y: round(p.y + dy) })) };
    }
    result.groups.push({
      root: groups[i].root,
      nodes: groups[i].nodes,
      bounds: { x, y: round(dy), width: l.width, height: l.height }
    });
    x += l.width + STACK_GAP;
  });
  result.bounds.width = Math.max(0, x - STACK_GAP);
  // Edges between groups (a node drawn on two stacks): a straight line, host to guest.
  for (const e of doc.edges) {
    if (result.edges[e.id]) continue;
    const s = result.nodes[e.source];
    const t = result.nodes[e.target];
    if (!s || !t) continue;
    result.edges[e.id] = {
      points: [
        { x: round(s.x + s.width / 2), y: round(s.y) },
        { x: round(t.x + t.width / 2), y: round(t.y + t.height) }
      ]
    };
  }
  // Forget layouts of stacks that no longer exist, so the cache does not grow with edits.
  cache?.retain(new Set(laid.map((l) => l.key)));
  return result;
}

/** Write laid-out positions (top-left corners) into a copy of the document. */
export function withPositions(doc: DiagramDocument, layout: LayoutResult): DiagramDocument {
  return {
    ...doc,
    nodes: doc.nodes.map((n) => {
      const r = layout.nodes[n.id];
      return r ? { ...n, position: { x: r.x, y: r.y } } : n;
    })
  };
}

/** True when every node has a stored position. */
export function hasAllPositions(doc: DiagramDocument): boolean {
  return doc.nodes.every(
    (n) => n.position && Number.isFinite(n.position.x) && Number.isFinite(n.position.y)
  );
}

/** Host top centre to guest bottom centre, with one horizontal run halfway. */
export function routeEdge(host: Rect, guest: Rect): Position[] {
  const sx = round(host.x + host.width / 2);
  const sy = round(host.y);
  const tx = round(guest.x + guest.width / 2);
  const ty = round(guest.y + guest.height);
  if (Math.abs(sx - tx) < 0.5)
    return [
      { x: sx, y: sy },
      { x: sx, y: ty }
    ];
  const mid = round((sy + ty) / 2);
  return [
    { x: sx, y: sy },
    { x: sx, y: mid },
    { x: tx, y: mid },
    { x: tx, y: ty }
  ];
}

/**
 * A layout from the positions stored in the document (the user's arrangement), with
 * simple orthogonal edges. Used when every node has a position.
 */
export function layoutFromPositions(
  doc: DiagramDocument,
  sizes: Record<string, Size>
): LayoutResult {
  const nodes: Record<string, Rect> = {};
  for (const n of doc.nodes) {
    const s = sizes[n.id];
    nodes[n.id] = {
      x: round(n.position!.x),
      y: round(n.position!.y),
      width: s.width,
      height: s.height
    };
  }
  const edges: Record<string, LaidOutEdge> = {};
  for (const e of doc.edges) edges[e.id] = { points: routeEdge(nodes[e.source], nodes[e.target]) };
  const boundsOf = (ids: string[]): Rect => {
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (const id of ids) {
      const r = nodes[id];
      minX = Math.min(minX, r.x);
      minY = Math.min(minY, r.y);
      maxX = Math.max(maxX, r.x + r.width);
      maxY = Math.max(maxY, r.y + r.height);
    }
    return ids.length
      ? { x: minX, y: minY, width: maxX - minX, height: maxY - minY }
      : { x: 0, y: 0, width: 0, height: 0 };
  };
  const groups = layoutGroups(doc).map((g) => ({ ...g, bounds: boundsOf(g.nodes) }));
  return { nodes, edges, groups, bounds: boundsOf(doc.nodes.map((n) => n.id)) };
}
