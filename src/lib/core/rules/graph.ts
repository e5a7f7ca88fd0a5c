import { compareIds, sortIds } from '../model/ids';
import type { DiagramDocument, DiagramNode } from '../model/types';

/**
 * Index of a (schema-checked) document: who runs on whom, roots, stacks and loops.
 * Every walk is iterative, so a 10,000-layer chain cannot overflow the call stack.
 * Every list is in natural id order, never file order: the same drawing gives the same
 * report however its nodes and edges are ordered.
 */
export interface StackGraph {
  nodes: readonly DiagramNode[];
  byId: ReadonlyMap<string, DiagramNode>;
  /** Hosts of each node (sources of edges that target it), in id order. */
  hosts: ReadonlyMap<string, readonly string[]>;
  /** What runs on each node (targets of edges from it), in id order. */
  children: ReadonlyMap<string, readonly string[]>;
  /** Hardware nodes with no host, in id order. */
  roots: readonly string[];
}

const EMPTY: readonly string[] = [];

export function buildGraph(doc: DiagramDocument): StackGraph {
  const byId = new Map<string, DiagramNode>();
  for (const n of doc.nodes) byId.set(n.id, n);
  const hosts = new Map<string, string[]>();
  const children = new Map<string, string[]>();
  for (const e of doc.edges) {
    let h = hosts.get(e.target);
    if (!h) hosts.set(e.target, (h = []));
    h.push(e.source);
    let c = children.get(e.source);
    if (!c) children.set(e.source, (c = []));
    c.push(e.target);
  }
  for (const list of hosts.values()) list.sort(compareIds);
  for (const list of children.values()) list.sort(compareIds);
  const roots = sortIds(
    doc.nodes.filter((n) => n.kind === 'hardware' && !hosts.has(n.id)).map((n) => n.id)
  );
  return { nodes: doc.nodes, byId, hosts, children, roots };
}

export const hostsOf = (g: StackGraph, id: string) => g.hosts.get(id) ?? EMPTY;
export const childrenOf = (g: StackGraph, id: string) => g.children.get(id) ?? EMPTY;

/**
 * A stack's nodes bottom-up: breadth first from the root, siblings in id order.
 */
export function stackOrder(g: StackGraph, root: string): string[] {
  const seen = new Set<string>([root]);
  const out = [root];
  for (let i = 0; i < out.length; i++) {
    for (const c of childrenOf(g, out[i])) {
      if (!seen.has(c)) {
        seen.add(c);
        out.push(c);
      }
    }
  }
  return out;
}

/** Every node reachable upwards (through `children`) from the starts, starts included. */
export function reachableFrom(
  g: StackGraph,
  starts: Iterable<string>,
  skip?: (id: string) => boolean
): Set<string> {
  const seen = new Set<string>();
  const todo: string[] = [];
  for (const s of starts) {
    if (!seen.has(s)) {
      seen.add(s);
      todo.push(s);
    }
  }
  while (todo.length) {
    const id = todo.pop()!;
    for (const c of childrenOf(g, id)) {
      if (!seen.has(c) && !(skip && skip(c))) {
        seen.add(c);
        todo.push(c);
      }
    }
  }
  return seen;
}

/**
 * Strongly connected components with more than one node: the loops. Iterative Tarjan.
 * (Self-loops are input errors, so a loop always has at least two nodes.)
 */
export function findLoops(g: StackGraph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const loops: string[][] = [];
  let next = 0;

  for (const start of g.nodes) {
    if (index.has(start.id)) continue;
    // Each frame: node id and the position in its children list.
    const frames: { id: string; i: number }[] = [{ id: start.id, i: 0 }];
    index.set(start.id, next);
    low.set(start.id, next);
    next++;
    stack.push(start.id);
    onStack.add(start.id);
    while (frames.length) {
      const frame = frames[frames.length - 1];
      const kids = childrenOf(g, frame.id);
      if (frame.i < kids.length) {
        const c = kids[frame.i++];
        if (!index.has(c)) {
          index.set(c, next);
          low.set(c, next);
          next++;
          stack.push(c);
          onStack.add(c);
          frames.push({ id: c, i: 0 });
        } else if (onStack.has(c)) {
          low.set(frame.id, Math.min(low.get(frame.id)!, index.get(c)!));
        }
        continue;
      }
      frames.pop();
      if (frames.length) {
        const parent = frames[frames.length - 1].id;
        low.set(parent, Math.min(low.get(parent)!, low.get(frame.id)!));
      }
      if (low.get(frame.id) === index.get(frame.id)) {
        const component: string[] = [];
        let id: string;
        do {
          id = stack.pop()!;
          onStack.delete(id);
          component.push(id);
        } while (id !== frame.id);
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
export function loopPath(g: StackGraph, component: readonly string[]): string[] {
  const members = new Set(component);
  const start = sortIds(component)[0];
  const prev = new Map<string, string>();
  const queue = [start];
  for (let qi = 0; qi < queue.length; qi++) {
    const id = queue[qi];
    const kids = childrenOf(g, id).filter((c) => members.has(c));
    for (const c of kids) {
      if (c === start) {
        const path = [id];
        let p = id;
        while (p !== start) {
          p = prev.get(p)!;
          path.push(p);
        }
        path.reverse();
        return path;
      }
      if (!prev.has(c)) {
        prev.set(c, id);
        queue.push(c);
      }
    }
  }
  return [start];
}
