import { KIND_SPECS, type NodeKind } from '../model/kinds';
import type { DiagramDocument } from '../model/types';

/**
 * A fresh id generator for a document: `hv-1`, `hv-2`, … (the kind spec's prefix), never
 * reusing an id of a node, an edge or a cluster in use. Clusters get `cluster-1`, ….
 */
export function idMaker(doc: DiagramDocument): {
  node(kind: NodeKind): string;
  edge(): string;
  cluster(): string;
} {
  const used = new Set<string>();
  for (const n of doc.nodes) used.add(n.id);
  for (const e of doc.edges) used.add(e.id);
  // Cluster ids share the node ids' space (the reader refuses a cluster id that is a node's).
  for (const c of doc.clusters ?? []) used.add(c.id);
  const counters = new Map<string, number>();
  const next = (prefix: string) => {
    let n = counters.get(prefix) ?? 1;
    while (used.has(`${prefix}-${n}`)) n++;
    const id = `${prefix}-${n}`;
    counters.set(prefix, n + 1);
    used.add(id);
    return id;
  };
  return {
    node: (kind) => next(KIND_SPECS[kind].idPrefix),
    edge: () => next('e'),
    cluster: () => next('cluster')
  };
}
