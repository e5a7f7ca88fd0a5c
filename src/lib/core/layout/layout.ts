import type { ElkNode } from 'elkjs/lib/elk-api';
import type { Lang } from '../i18n/lang';
import { idRecord } from '../model/ids';
import type { DiagramDocument, Position } from '../model/types';
import { buildGraph, type StackGraph } from '../rules/graph';
import { captionWidth, placementUnits } from './clusters';
import { placeUnits } from './rows';
import { assignStacks } from './stacks';

/**
 * Automatic layout: each stack (a hardware root and what runs on it) is laid out on its
 * own, bottom-up, and the stacks stand side by side, bottoms aligned: first each cluster's
 * members (in `doc.clusters` order, members as listed) with room for the cluster's frame
 * around them, then the other stacks in document order. Nodes in no stack go in an area of
 * their own at the end. A diagram much wider than a screen is wrapped into rows (rows.ts:
 * the rule, and the floor line of each row). A stack whose nodes, sizes and structure did
 * not change reuses its last layout.
 *
 * A stack is drawn as a tree: every node stands on one host, the host edge chosen
 * without regard to the order of nodes or edges in the file (the closest host below it,
 * the first in natural id order on a tie). Layers are by longest path, so every guest
 * stands above every host it has (but for one edge of each loop). ELK's `mrtree` places the tree's columns;
 * a group too large or too deep for it gets a plain tree placement of our own. The other
 * edges (a node with several hosts) are drawn by `routeEdge` between the placed boxes.
 * Cost is about linear in nodes plus edges.
 *
 * The floor is the line y = 0: every stack of the first row stands on it and grows upward
 * (negative y), so a stack that grows taller moves no stack of its row up or down; later
 * rows stand on floors further down.
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
  /** The groups laid out, in document order: one per stack, then the unplaced area if any. */
  groups: { root: string | null; nodes: string[]; bounds: Rect }[];
  /** Around every box (and, from `layoutDocument`, every cluster frame). */
  bounds: Rect;
}

/** A layout of one group in its own coordinates (top-left at 0,0); edges are routed later. */
interface GroupLayout {
  key: string;
  width: number;
  height: number;
  nodes: Record<string, Rect>;
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

/** Horizontal gap between boxes of one layer, px. */
const GAP_X = 28;
/** Vertical gap between layers, px. */
const GAP_Y = 40;
export const STACK_GAP = 72;
/** Between a row's lowest part (pills, frame bottoms) and the top of the next row, px. */
export const ROW_GAP = 48;
/**
 * Room below a stack's floor for the verdict pill under its hardware (the export's and the
 * canvas's: 8 px gap and 20 px high), px.
 */
export const PILL_ROOM = 28;
const ROW_SPACING = { gapX: STACK_GAP, gapY: ROW_GAP, below: PILL_ROOM };

/**
 * ELK `mrtree` for the columns of a tree (its rows are ours: see `placeGroup`).
 * `MIDDLE_TO_MIDDLE` routing: the default (`AVOID_OVERLAP`) grows quadratically with a
 * node's guests, and the edges are routed by `routeEdge` anyway. Siblings keep the order
 * of the host edges (`MODEL_ORDER`). (`layered` with `considerModelOrder`, used before,
 * took 2.5 s for one hypervisor with 250 guests and 21 s with 500; without the model order
 * it loses the siblings' order and still takes 11 s for 5,000.)
 */
export const ELK_OPTIONS: Record<string, string> = {
  'elk.algorithm': 'mrtree',
  'elk.direction': 'UP',
  'elk.mrtree.weighting': 'MODEL_ORDER',
  'elk.mrtree.edgeRoutingMode': 'MIDDLE_TO_MIDDLE',
  'elk.spacing.nodeNode': String(GAP_X),
  'elk.padding': '[top=0,left=0,bottom=0,right=0]'
};

/**
 * Where `mrtree` stops being worth it. It costs about 0.2–0.5 ms a node (500 nodes: a
 * tenth to a quarter of a second, warm), recurses once per sibling to the right (a
 * hypervisor with ~8,000 guests overflows Node's stack), and its time grows with the
 * square of the depth (a 400-layer chain: half a second). Larger or deeper groups get the
 * plain tree placement (`treeColumns`, a few ms for thousands of nodes), which looks
 * alike except that it never tucks a narrow subtree under a wide neighbour's.
 */
const MAX_ELK_NODES = 500;
const MAX_ELK_DEPTH = 32;

export interface LayoutInput {
  doc: DiagramDocument;
  /** Box size of every node. */
  sizes: Record<string, Size>;
  elk: ElkLike;
  cache?: LayoutCache;
  /** Language of the cluster captions (their width is room kept for the frame's title). */
  lang?: Lang;
}

/**
 * One group's drawn structure. Members are numbered 0..n-1 in document order ("local"
 * indices): `host[j]` is member j's host in the drawn tree (-1 for the root of a tree),
 * `level[j]` its layer (0 at the bottom).
 */
interface GroupPlan {
  root: string | null;
  nodes: string[];
  host: Int32Array;
  level: Int32Array;
  depth: number;
}

/**
 * Split a document into groups and choose the tree each is drawn as. Stacks come in
 * document order; a stack holds what its root reaches and no earlier stack does (each node
 * is drawn once). The rest (unplaced nodes, loops with no hardware below) is one last group.
 * O(nodes + edges), apart from sorting each group's members.
 */
function planGroups(doc: DiagramDocument): GroupPlan[] {
  const g = buildGraph(doc);
  const n = doc.nodes.length;
  const { groupOf, stacks } = assignStacks(g);
  const scratch = {
    groupOf,
    local: new Int32Array(n),
    state: new Uint8Array(n),
    back: new Uint8Array(g.childList.length)
  };
  const plans = stacks.map(({ root, bfs }, gi) =>
    planGroup(g, scratch, gi, bfs, doc.nodes[root].id)
  );
  const gi = plans.length;
  const rest: number[] = [];
  for (let i = 0; i < n; i++) {
    if (groupOf[i] === -1) {
      groupOf[i] = gi;
      rest.push(i);
    }
  }
  if (rest.length === 0) return plans;
  // The rest's hosts are all in the rest (a node on a stack is in that stack), not all
  // its guests. Breadth first from its nodes with no host; loops with nothing below from
  // their first node.
  const seen = new Uint8Array(n);
  const bfs: number[] = [];
  const visit = (from: number) => {
    seen[from] = 1;
    bfs.push(from);
    for (let q = bfs.length - 1; q < bfs.length; q++) {
      const i = bfs[q];
      for (let k = g.childStart[i]; k < g.childStart[i + 1]; k++) {
        const c = g.childList[k];
        if (!seen[c] && groupOf[c] === gi) {
          seen[c] = 1;
          bfs.push(c);
        }
      }
    }
  };
  for (const i of rest) if (g.hostStart[i + 1] === g.hostStart[i] && !seen[i]) visit(i);
  for (const i of rest) if (!seen[i]) visit(i);
  plans.push(planGroup(g, scratch, gi, bfs, null));
  return plans;
}

/**
 * Layers and tree hosts of one group, given its members in breadth-first order from its
 * roots. First the loops are broken: depth first from the members in that order, guests
 * in natural id order, an edge back to a node still open closes a loop and is left out.
 * Then layers by longest path over the other edges (Kahn's algorithm), so a guest stands
 * above every host it has outside a loop. A member's tree host is its first host in
 * natural id order one layer below it. Nothing depends on the order of the edges in the
 * file, and of the nodes only through the members' order.
 */
function planGroup(
  g: StackGraph,
  scratch: { groupOf: Int32Array; local: Int32Array; state: Uint8Array; back: Uint8Array },
  gi: number,
  bfs: number[],
  root: string | null
): GroupPlan {
  const { groupOf, local, state, back } = scratch;
  const members = Int32Array.from(bfs).sort();
  const k = members.length;
  for (let j = 0; j < k; j++) local[members[j]] = j;
  // Depth first, iteratively (state: 0 new, 1 open, 2 done; `back` marks childList slots).
  const stackNode = new Int32Array(k);
  const stackEdge = new Int32Array(k);
  for (const start of bfs) {
    if (state[start]) continue;
    let sp = 0;
    stackNode[0] = start;
    stackEdge[0] = g.childStart[start];
    state[start] = 1;
    while (sp >= 0) {
      const v = stackNode[sp];
      if (stackEdge[sp] === g.childStart[v + 1]) {
        state[v] = 2;
        sp--;
        continue;
      }
      const e = stackEdge[sp]++;
      const c = g.childList[e];
      if (groupOf[c] !== gi) continue;
      if (state[c] === 1) back[e] = 1;
      else if (state[c] === 0) {
        state[c] = 1;
        stackNode[++sp] = c;
        stackEdge[sp] = g.childStart[c];
      }
    }
  }
  // Longest path over the edges left (Kahn's algorithm).
  const pending = new Int32Array(k);
  for (const i of members)
    for (let e = g.childStart[i]; e < g.childStart[i + 1]; e++)
      if (!back[e] && groupOf[g.childList[e]] === gi) pending[local[g.childList[e]]]++;
  const level = new Int32Array(k);
  const order: number[] = [];
  for (let j = 0; j < k; j++) if (pending[j] === 0) order.push(j);
  for (let q = 0; q < order.length; q++) {
    const v = order[q];
    const i = members[v];
    for (let e = g.childStart[i]; e < g.childStart[i + 1]; e++) {
      const c = g.childList[e];
      if (back[e] || groupOf[c] !== gi) continue;
      const cj = local[c];
      if (level[cj] < level[v] + 1) level[cj] = level[v] + 1;
      if (--pending[cj] === 0) order.push(cj);
    }
  }
  // A loop's edge back never joins layers l - 1 and l (its host is above its guest).
  const host = new Int32Array(k).fill(-1);
  let depth = 0;
  for (let j = 0; j < k; j++) {
    if (level[j] > depth) depth = level[j];
    if (level[j] === 0) continue;
    const i = members[j];
    for (let e = g.hostStart[i]; e < g.hostStart[i + 1]; e++) {
      const h = g.hostList[e];
      if (groupOf[h] === gi && level[local[h]] === level[j] - 1) {
        host[j] = local[h];
        break;
      }
    }
  }
  const ids = new Array<string>(k);
  for (let j = 0; j < k; j++) ids[j] = g.nodes[members[j]].id;
  return { root, nodes: ids, host, level, depth };
}

/** Split a document into layout groups: stacks in document order, then the rest. */
export function layoutGroups(doc: DiagramDocument): { root: string | null; nodes: string[] }[] {
  return planGroups(doc).map(({ root, nodes }) => ({ root, nodes }));
}

/** Two decimals, and never -0 (so equal positions compare equal). */
const round = (v: number) => {
  const r = Math.round(v * 100) / 100;
  return r === 0 ? 0 : r;
};
const roundRect = (r: Rect): Rect => ({
  x: round(r.x),
  y: round(r.y),
  width: round(r.width),
  height: round(r.height)
});

/** The cache key: everything a group's layout depends on (members, sizes, tree, layers). */
function groupKey(plan: GroupPlan, sizes: Record<string, Size>): string {
  return JSON.stringify(
    plan.nodes.map((id, j) => [id, sizes[id].width, sizes[id].height, plan.host[j], plan.level[j]])
  );
}

/**
 * ELK's columns for one layout call, by a group's shape: its boxes' sizes and host links by
 * local index, no ids, which is all ELK is given (`elkColumns`). Stacks of one shape (the
 * 100 hosts of a consolidation, each a hypervisor with the same guests) ask ELK once; ELK
 * is deterministic, so each gets the columns it would have got alone. Undefined: ELK failed.
 */
type ColumnMemo = Map<string, Promise<Float64Array | undefined>>;

function shapeKey({ nodes, host }: GroupPlan, sizes: Record<string, Size>): string {
  return JSON.stringify(nodes.map((id, j) => [sizes[id].width, sizes[id].height, host[j]]));
}

async function layoutGroup(
  plan: GroupPlan,
  key: string,
  sizes: Record<string, Size>,
  elk: ElkLike,
  cache: LayoutCache | undefined,
  memo: ColumnMemo
): Promise<GroupLayout> {
  const cached = cache?.get(key);
  if (cached) return cached;
  let left: Float64Array | undefined;
  if (plan.nodes.length <= MAX_ELK_NODES && plan.depth <= MAX_ELK_DEPTH) {
    const shape = shapeKey(plan, sizes);
    let columns = memo.get(shape);
    if (!columns) {
      // ELK failed on this group: the plain placement below draws it instead.
      columns = elkColumns(plan, sizes, elk).catch(() => undefined);
      memo.set(shape, columns);
    }
    left = await columns;
  }
  const result = placeGroup(plan, key, sizes, left ?? treeColumns(plan, sizes));
  cache?.set(key, result);
  return result;
}

/** Left edges (px) of a group's boxes from ELK `mrtree`, leftmost at 0. */
async function elkColumns(
  { nodes, host }: GroupPlan,
  sizes: Record<string, Size>,
  elk: ElkLike
): Promise<Float64Array> {
  // Local indices as ids: short, and never equal to the extra root's.
  const children: ElkNode[] = nodes.map((id, j) => ({
    id: String(j),
    width: sizes[id].width,
    height: sizes[id].height
  }));
  const edges: NonNullable<ElkNode['edges']> = [];
  const roots: number[] = [];
  for (let j = 0; j < nodes.length; j++) if (host[j] < 0) roots.push(j);
  if (roots.length > 1) {
    // mrtree would pack separate trees in a grid: one extra root keeps them in a row.
    children.push({ id: 'top', width: 0, height: 0 });
    for (const j of roots) edges.push({ id: `t${j}`, sources: ['top'], targets: [String(j)] });
  }
  // Edges in document order of the guest: mrtree keeps siblings in this order.
  for (let j = 0; j < nodes.length; j++)
    if (host[j] >= 0) edges.push({ id: `e${j}`, sources: [String(host[j])], targets: [String(j)] });
  const out = await elk.layout({ id: 'group', layoutOptions: ELK_OPTIONS, children, edges });
  const left = new Float64Array(nodes.length).fill(NaN);
  for (const c of out.children ?? []) if (c.id !== 'top') left[Number(c.id)] = c.x ?? NaN;
  let min = Infinity;
  for (const x of left) {
    if (!Number.isFinite(x)) throw new Error('ELK left a node unplaced');
    if (x < min) min = x;
  }
  for (let j = 0; j < left.length; j++) left[j] -= min;
  return left;
}

/**
 * Left edges (px) of a group's boxes by a plain tree placement, leftmost at 0: guests side
 * by side in document order, each subtree in a band of its own, a host centred over its
 * first and last guest. Iterative and linear; used where `mrtree` is not.
 */
function treeColumns(
  { nodes, host }: Pick<GroupPlan, 'nodes' | 'host'>,
  sizes: Record<string, Size>
): Float64Array {
  const k = nodes.length;
  const w = Float64Array.from(nodes, (id) => sizes[id].width);
  // Guests of each host, in document order (compressed rows).
  const start = new Int32Array(k + 1);
  for (let j = 0; j < k; j++) if (host[j] >= 0) start[host[j] + 1]++;
  for (let j = 0; j < k; j++) start[j + 1] += start[j];
  const kids = new Int32Array(start[k]);
  const fill = start.slice(0, k);
  for (let j = 0; j < k; j++) if (host[j] >= 0) kids[fill[host[j]]++] = j;
  // Breadth first from the roots: hosts before their guests.
  const order: number[] = [];
  for (let j = 0; j < k; j++) if (host[j] < 0) order.push(j);
  for (let q = 0; q < order.length; q++)
    for (let e = start[order[q]]; e < start[order[q] + 1]; e++) order.push(kids[e]);
  // Bottom-up: each subtree's band width, where its box's centre is in the band, and how far
  // its guests are pushed right when the box is wider than they are.
  const band = new Float64Array(k);
  const centre = new Float64Array(k);
  const shift = new Float64Array(k);
  for (let q = order.length - 1; q >= 0; q--) {
    const j = order[q];
    const a = start[j];
    const b = start[j + 1];
    if (a === b) {
      band[j] = w[j];
      centre[j] = w[j] / 2;
      continue;
    }
    let span = -GAP_X;
    for (let e = a; e < b; e++) span += band[kids[e]] + GAP_X;
    const last = kids[b - 1];
    const mid = (centre[kids[a]] + span - band[last] + centre[last]) / 2;
    shift[j] = Math.max(0, w[j] / 2 - mid);
    centre[j] = shift[j] + mid;
    band[j] = Math.max(shift[j] + span, centre[j] + w[j] / 2);
  }
  // Top-down: band left edges, trees side by side.
  const bandLeft = new Float64Array(k);
  const left = new Float64Array(k);
  let x = 0;
  for (const j of order) {
    if (host[j] < 0) {
      bandLeft[j] = x;
      x += band[j] + GAP_X;
    }
    left[j] = bandLeft[j] + centre[j] - w[j] / 2;
    let cx = bandLeft[j] + shift[j];
    for (let e = start[j]; e < start[j + 1]; e++) {
      bandLeft[kids[e]] = cx;
      cx += band[kids[e]] + GAP_X;
    }
  }
  return left;
}

/** Boxes of a group from their left edges and layers: each layer's boxes stand on one line. */
function placeGroup(
  { nodes, level, depth }: GroupPlan,
  key: string,
  sizes: Record<string, Size>,
  left: Float64Array
): GroupLayout {
  const tallest = new Float64Array(depth + 1);
  for (let j = 0; j < nodes.length; j++)
    tallest[level[j]] = Math.max(tallest[level[j]], sizes[nodes[j]].height);
  // The bottom line of each layer, layer 0 lowest.
  const floor = new Float64Array(depth + 1);
  let height = 0;
  for (let l = 0; l <= depth; l++) height += tallest[l] + (l ? GAP_Y : 0);
  floor[0] = height;
  for (let l = 1; l <= depth; l++) floor[l] = floor[l - 1] - tallest[l - 1] - GAP_Y;
  const rects = idRecord<Rect>();
  let width = 0;
  for (let j = 0; j < nodes.length; j++) {
    const s = sizes[nodes[j]];
    rects[nodes[j]] = {
      x: round(left[j]),
      y: round(floor[level[j]] - s.height),
      width: s.width,
      height: s.height
    };
    width = Math.max(width, left[j] + s.width);
  }
  return { key, width: round(width), height: round(height), nodes: rects };
}

/**
 * Lay a document out: box positions (top-left corners, px; y grows downward, the stacks
 * of the first row standing on y = 0, of later rows on floors further down), edge
 * polylines (host top centre to guest bottom centre), each group's bounds (groups in
 * document order), and the bounds of everything, cluster frames included. Groups found in `cache` are not laid out again. When ELK fails on a
 * group, that group gets the plain tree placement: the promise only rejects on bad input
 * (a node missing from `sizes` is a TypeError). If `elk.layout` never settles, neither
 * does this (the editor's LayoutService puts a timeout around it).
 */
export async function layoutDocument(input: LayoutInput): Promise<LayoutResult> {
  const { doc, sizes, elk, cache, lang = 'en' } = input;
  const plans = planGroups(doc);
  const memo: ColumnMemo = new Map();
  const laid = await Promise.all(
    plans.map((p) => layoutGroup(p, groupKey(p, sizes), sizes, elk, cache, memo))
  );
  // Stacks side by side, a cluster's members together in its frame, in rows when wide.
  const units = placementUnits(
    doc,
    plans.map((p) => p.root)
  );
  const placed = placeUnits(
    laid,
    units.map(({ stacks, cluster }) =>
      cluster ? { stacks, frame: { captionWidth: captionWidth(cluster, lang) } } : { stacks }
    ),
    ROW_SPACING
  );
  const result: LayoutResult = {
    nodes: idRecord<Rect>(),
    edges: idRecord<LaidOutEdge>(),
    groups: [],
    bounds: roundRect(placed.bounds)
  };
  const groupOf = new Map<string, number>();
  laid.forEach((l, i) => {
    // Each stack stands on its row's floor (the first row's is y = 0). (Aligning on the
    // tallest stack instead would move every stack down when one of them grows.)
    const x = placed.x[i];
    const dy = placed.floor[i] - l.height;
    for (const id of plans[i].nodes) {
      const r = l.nodes[id];
      result.nodes[id] = { ...r, x: round(r.x + x), y: round(r.y + dy) };
      groupOf.set(id, i);
    }
    result.groups.push({
      root: plans[i].root,
      nodes: plans[i].nodes,
      bounds: { x: round(x), y: round(dy), width: l.width, height: l.height }
    });
  });
  for (const e of doc.edges) {
    const s = result.nodes[e.source];
    const t = result.nodes[e.target];
    if (!s || !t) continue;
    result.edges[e.id] = {
      points:
        groupOf.get(e.source) === groupOf.get(e.target)
          ? routeEdge(s, t)
          : // Between groups (a node drawn on two stacks): a straight line, host to guest.
            [
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
  const nodes = idRecord<Rect>();
  for (const n of doc.nodes) {
    const s = sizes[n.id];
    nodes[n.id] = {
      x: round(n.position!.x),
      y: round(n.position!.y),
      width: s.width,
      height: s.height
    };
  }
  const edges = idRecord<LaidOutEdge>();
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
