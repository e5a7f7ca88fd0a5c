import type { ElkNode } from 'elkjs/lib/elk-api';
import type { DiagramDocument, DiagramEdge, DiagramNode, Position } from '../model/types';
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
  const n = doc.nodes.length;
  const taken = new Uint8Array(n);
  const stamp = new Int32Array(n).fill(-1);
  const groups: { root: string | null; nodes: string[] }[] = [];
  // Roots in document order (the stacks stand side by side in that order).
  for (let r = 0; r < n; r++) {
    if (g.kind[r] !== 0 || g.hostStart[r + 1] !== g.hostStart[r]) continue;
    const members = stackOrder(g, r, stamp, r).filter((i) => !taken[i]);
    for (const i of members) taken[i] = 1;
    // Document order inside a stack: ELK keeps it (considerModelOrder).
    members.sort((a, b) => a - b);
    groups.push({ root: doc.nodes[r].id, nodes: members.map((i) => doc.nodes[i].id) });
  }
  const rest = doc.nodes.filter((_, i) => !taken[i]).map((x) => x.id);
  if (rest.length) groups.push({ root: null, nodes: rest });
  return groups;
}

/** Two decimals, and never -0 (so equal positions compare equal). */
const round = (v: number) => {
  const r = Math.round(v * 100) / 100;
  return r === 0 ? 0 : r;
};

interface GroupInput {
  ids: string[];
  edges: DiagramEdge[];
}

/** The cache key: what a group's layout depends on. */
function groupKey(
  group: GroupInput,
  byId: Map<string, DiagramNode>,
  sizes: Record<string, Size>
): string {
  return JSON.stringify([
    group.ids.map((id) => {
      const n = byId.get(id)!;
      const s = sizes[id];
      return [id, n.kind, n.label, s.width, s.height];
    }),
    group.edges.map((e) => [e.id, e.source, e.target])
  ]);
}

async function layoutGroup(
  group: GroupInput,
  key: string,
  sizes: Record<string, Size>,
  elk: ElkLike,
  cache: LayoutCache | undefined
): Promise<GroupLayout> {
  const cached = cache?.get(key);
  if (cached) return cached;
  let result: GroupLayout;
  try {
    // ELK recurses once per layer: a very deep stack would overflow it, slowly.
    if (group.ids.length > MAX_ELK_DEPTH && levelsOf(group).depth > MAX_ELK_DEPTH) {
      throw new Error('too deep for ELK');
    }
    result = await elkGroup(group, key, sizes, elk);
  } catch {
    // ELK recurses on very deep graphs (a 10,000-layer chain overflows its stack):
    // such a group gets a plain layered placement instead.
    result = fallbackGroup(group, key, sizes);
  }
  cache?.set(key, result);
  return result;
}

async function elkGroup(
  { ids, edges }: GroupInput,
  key: string,
  sizes: Record<string, Size>,
  elk: ElkLike
): Promise<GroupLayout> {
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
  return {
    key,
    width: round(out.width ?? 0),
    height: round(out.height ?? 0),
    nodes,
    edges: routed
  };
}

const FALLBACK_GAP_X = 28;
/** Layers beyond which a group skips ELK for the plain layered placement. */
const MAX_ELK_DEPTH = 400;
const FALLBACK_GAP_Y = 40;

/** Distance of each node from the group's hostless nodes (breadth first, iterative). */
function levelsOf({ ids, edges }: GroupInput): { level: Map<string, number>; depth: number } {
  const kids = new Map<string, string[]>();
  const hasHost = new Set<string>();
  for (const e of edges) {
    const list = kids.get(e.source) ?? [];
    list.push(e.target);
    kids.set(e.source, list);
    hasHost.add(e.target);
  }
  const level = new Map<string, number>();
  const queue = ids.filter((id) => !hasHost.has(id));
  if (queue.length === 0 && ids.length) queue.push(ids[0]);
  for (const id of queue) level.set(id, 0);
  let unreached = 0;
  for (let i = 0; i < queue.length || level.size < ids.length; i++) {
    if (i >= queue.length) {
      // Only loops are left: start from the first node not reached yet.
      while (level.has(ids[unreached])) unreached++;
      level.set(ids[unreached], 0);
      queue.push(ids[unreached]);
    }
    const id = queue[i];
    for (const c of kids.get(id) ?? []) {
      if (!level.has(c)) {
        level.set(c, level.get(id)! + 1);
        queue.push(c);
      }
    }
  }
  let depth = 0;
  for (const l of level.values()) if (l > depth) depth = l;
  return { level, depth };
}

/**
 * Layers by distance from the group's hostless nodes (breadth first, iterative), bottom
 * up; each layer left to right in document order. Used when ELK cannot lay a group out.
 */
export function fallbackGroup(
  { ids, edges }: GroupInput,
  key: string,
  sizes: Record<string, Size>
): GroupLayout {
  const { level } = levelsOf({ ids, edges });
  const layers: string[][] = [];
  for (const id of ids) (layers[level.get(id)!] ??= []).push(id);
  const heights = layers.map((l) => (l ?? []).reduce((m, id) => Math.max(m, sizes[id].height), 0));
  const total =
    heights.reduce((a, h) => a + h, 0) + FALLBACK_GAP_Y * Math.max(0, layers.length - 1);
  const nodes: Record<string, Rect> = {};
  let width = 0;
  let bottom = total;
  layers.forEach((layer, li) => {
    let x = 0;
    for (const id of layer ?? []) {
      const s = sizes[id];
      nodes[id] = {
        x: round(x),
        y: round(bottom - heights[li] + (heights[li] - s.height)),
        width: s.width,
        height: s.height
      };
      x += s.width + FALLBACK_GAP_X;
    }
    width = Math.max(width, x - FALLBACK_GAP_X);
    bottom -= heights[li] + FALLBACK_GAP_Y;
  });
  const routed: Record<string, Position[]> = {};
  for (const e of edges) routed[e.id] = routeEdge(nodes[e.source], nodes[e.target]);
  return { key, width: round(Math.max(0, width)), height: round(total), nodes, edges: routed };
}

export async function layoutDocument(input: LayoutInput): Promise<LayoutResult> {
  const { doc, sizes, elk, cache } = input;
  const groups = layoutGroups(doc);
  // One pass over the document: which group each node is in, and each group's edges.
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  const groupOf = new Map<string, number>();
  groups.forEach((g, i) => g.nodes.forEach((id) => groupOf.set(id, i)));
  const inputs: GroupInput[] = groups.map((g) => ({ ids: g.nodes, edges: [] }));
  for (const e of doc.edges) {
    const gi = groupOf.get(e.source);
    if (gi !== undefined && gi === groupOf.get(e.target)) inputs[gi].edges.push(e);
  }
  const laid = await Promise.all(
    inputs.map((g) => layoutGroup(g, groupKey(g, byId, sizes), sizes, elk, cache))
  );
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
