import { compareIds } from '../model/ids';
import { KIND_LAYER, type NodeKind } from '../model/kinds';
import type { DiagramDocument, DiagramNode } from '../model/types';

/**
 * Index of a (schema-checked) document: who runs on whom, roots, stacks and loops.
 * Nodes are numbered by their position in the file and adjacency is kept in flat integer
 * arrays (compressed rows), so a 100,000-node document is indexed in a few milliseconds.
 * Every walk is iterative: a 10,000-layer chain cannot overflow the call stack. Every list
 * is in natural id order, never file order, so the same drawing gives the same report
 * however its nodes and edges are ordered.
 */
/** Kind codes are layer indices (model/kinds.ts): hardware 0 … service on top. */
export const KIND_CODE: Readonly<Record<NodeKind, number>> = KIND_LAYER;
export const HARDWARE = KIND_LAYER.hardware;
export const FIRMWARE = KIND_LAYER.firmware;
export const HYPERVISOR = KIND_LAYER.hypervisor;
export const OS = KIND_LAYER.os;
export const CONTAINER = KIND_LAYER.container;
export const SERVICE = KIND_LAYER.service;

export interface StackGraph {
  /** Nodes by index (file order). */
  nodes: readonly DiagramNode[];
  index: ReadonlyMap<string, number>;
  /** Kind code of each node. */
  kind: Uint8Array;
  /** Children (what runs on a node) of node i: childList[childStart[i] .. childStart[i+1]). */
  childStart: Int32Array;
  childList: Int32Array;
  /** Hosts of node i, likewise. */
  hostStart: Int32Array;
  hostList: Int32Array;
  /** Hardware nodes with no host, in id order. */
  roots: number[];
  /** Look a node up by id (for messages). */
  byId: { get(id: string): DiagramNode | undefined };
}

const byNaturalId = (nodes: readonly DiagramNode[]) => (a: number, b: number) =>
  compareIds(nodes[a].id, nodes[b].id);

export function buildGraph(doc: DiagramDocument): StackGraph {
  const nodes = doc.nodes;
  const n = nodes.length;
  const index = new Map<string, number>();
  const kind = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    index.set(nodes[i].id, i);
    kind[i] = KIND_CODE[nodes[i].kind];
  }
  const m = doc.edges.length;
  const src = new Int32Array(m);
  const dst = new Int32Array(m);
  const childStart = new Int32Array(n + 1);
  const hostStart = new Int32Array(n + 1);
  for (let e = 0; e < m; e++) {
    const s = index.get(doc.edges[e].source)!;
    const t = index.get(doc.edges[e].target)!;
    src[e] = s;
    dst[e] = t;
    childStart[s + 1]++;
    hostStart[t + 1]++;
  }
  for (let i = 0; i < n; i++) {
    childStart[i + 1] += childStart[i];
    hostStart[i + 1] += hostStart[i];
  }
  const childList = new Int32Array(m);
  const hostList = new Int32Array(m);
  const cFill = childStart.slice(0, n);
  const hFill = hostStart.slice(0, n);
  for (let e = 0; e < m; e++) {
    childList[cFill[src[e]]++] = dst[e];
    hostList[hFill[dst[e]]++] = src[e];
  }
  // Natural id order within each row (rows are short: sorting them is cheap).
  const cmp = byNaturalId(nodes);
  const sortRows = (start: Int32Array, list: Int32Array) => {
    for (let i = 0; i < n; i++) {
      const a = start[i];
      const b = start[i + 1];
      if (b - a > 1) list.subarray(a, b).sort(cmp);
    }
  };
  sortRows(childStart, childList);
  sortRows(hostStart, hostList);
  const roots: number[] = [];
  for (let i = 0; i < n; i++)
    if (kind[i] === HARDWARE && hostStart[i + 1] === hostStart[i]) roots.push(i);
  roots.sort(cmp);
  return {
    nodes,
    index,
    kind,
    childStart,
    childList,
    hostStart,
    hostList,
    roots,
    byId: { get: (id) => nodes[index.get(id) ?? -1] }
  };
}

export const childCount = (g: StackGraph, i: number) => g.childStart[i + 1] - g.childStart[i];
export const hostCount = (g: StackGraph, i: number) => g.hostStart[i + 1] - g.hostStart[i];
export const childrenOf = (g: StackGraph, i: number) =>
  g.childList.subarray(g.childStart[i], g.childStart[i + 1]);
export const hostsOf = (g: StackGraph, i: number) =>
  g.hostList.subarray(g.hostStart[i], g.hostStart[i + 1]);
export const idOf = (g: StackGraph, i: number) => g.nodes[i].id;

/** Ids of node indices, in natural id order. */
export function sortedIds(g: StackGraph, list: Iterable<number>): string[] {
  return Array.from(list, (i) => g.nodes[i].id).sort(compareIds);
}

/**
 * Mark every node reachable upwards (through children) from the starts, starts included.
 * `skip(i)` nodes are not entered. Returns the marks (1 = reached).
 */
export function reach(g: StackGraph, starts: Iterable<number>, skip?: Uint8Array): Uint8Array {
  const seen = new Uint8Array(g.nodes.length);
  const todo: number[] = [];
  for (const s of starts) {
    if (!seen[s]) {
      seen[s] = 1;
      todo.push(s);
    }
  }
  while (todo.length) {
    const i = todo.pop()!;
    for (let k = g.childStart[i]; k < g.childStart[i + 1]; k++) {
      const c = g.childList[k];
      if (!seen[c] && !(skip && skip[c])) {
        seen[c] = 1;
        todo.push(c);
      }
    }
  }
  return seen;
}

/**
 * A stack's nodes bottom-up: breadth first from the root, siblings in id order.
 * `stamp` is scratch space shared between calls (one slot per node); `mark` must differ
 * from every earlier call's.
 */
export function stackOrder(g: StackGraph, root: number, stamp: Int32Array, mark: number): number[] {
  const out = [root];
  stamp[root] = mark;
  for (let q = 0; q < out.length; q++) {
    const i = out[q];
    for (let k = g.childStart[i]; k < g.childStart[i + 1]; k++) {
      const c = g.childList[k];
      if (stamp[c] !== mark) {
        stamp[c] = mark;
        out.push(c);
      }
    }
  }
  return out;
}

/**
 * Strongly connected components with more than one node: the loops. Iterative Tarjan over
 * the integer rows. (Self-loops are input errors, so a loop has at least two nodes.)
 */
export function findLoops(g: StackGraph): number[][] {
  const n = g.nodes.length;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack = new Int32Array(n);
  let sp = 0;
  const frameNode = new Int32Array(n);
  const frameEdge = new Int32Array(n);
  const loops: number[][] = [];
  let next = 0;
  for (let start = 0; start < n; start++) {
    if (index[start] !== -1) continue;
    // Quick exit for nodes with no children: a component of one.
    if (g.childStart[start + 1] === g.childStart[start]) {
      index[start] = next++;
      continue;
    }
    let fp = 0;
    frameNode[0] = start;
    frameEdge[0] = g.childStart[start];
    index[start] = low[start] = next++;
    stack[sp++] = start;
    onStack[start] = 1;
    while (fp >= 0) {
      const v = frameNode[fp];
      if (frameEdge[fp] < g.childStart[v + 1]) {
        const c = g.childList[frameEdge[fp]++];
        if (index[c] === -1) {
          index[c] = low[c] = next++;
          stack[sp++] = c;
          onStack[c] = 1;
          fp++;
          frameNode[fp] = c;
          frameEdge[fp] = g.childStart[c];
        } else if (onStack[c] && index[c] < low[v]) {
          low[v] = index[c];
        }
        continue;
      }
      fp--;
      if (fp >= 0) {
        const parent = frameNode[fp];
        if (low[v] < low[parent]) low[parent] = low[v];
      }
      if (low[v] === index[v]) {
        const component: number[] = [];
        let w: number;
        do {
          w = stack[--sp];
          onStack[w] = 0;
          component.push(w);
        } while (w !== v);
        if (component.length > 1) loops.push(component);
      }
    }
  }
  return loops;
}

/**
 * One concrete loop through a component, for the message: starts at the smallest id and
 * takes the shortest way back to it (ties broken by id), so it does not depend on the
 * order of nodes or edges in the file.
 */
export function loopPath(g: StackGraph, component: readonly number[]): string[] {
  const members = new Set(component);
  let start = component[0];
  for (const i of component) if (compareIds(g.nodes[i].id, g.nodes[start].id) < 0) start = i;
  const prev = new Map<number, number>();
  const queue = [start];
  for (let q = 0; q < queue.length; q++) {
    const v = queue[q];
    for (const c of childrenOf(g, v)) {
      if (!members.has(c)) continue;
      if (c === start) {
        const path = [v];
        let p = v;
        while (p !== start) {
          p = prev.get(p)!;
          path.push(p);
        }
        return path.reverse().map((i) => g.nodes[i].id);
      }
      if (!prev.has(c)) {
        prev.set(c, v);
        queue.push(c);
      }
    }
  }
  return [g.nodes[start].id];
}
