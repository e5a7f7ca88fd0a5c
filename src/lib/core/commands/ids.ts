import type { DiagramDocument, NodeKind } from '../model/types';

const PREFIX: Record<NodeKind, string> = {
  hardware: 'hw',
  firmware: 'fw',
  hypervisor: 'hv',
  os: 'os',
  service: 'svc'
};

/** A fresh id generator for a document: `hv-1`, `hv-2`, … never reusing one in use. */
export function idMaker(doc: DiagramDocument): { node(kind: NodeKind): string; edge(): string } {
  const used = new Set<string>();
  for (const n of doc.nodes) used.add(n.id);
  for (const e of doc.edges) used.add(e.id);
  const counters = new Map<string, number>();
  const next = (prefix: string) => {
    let n = counters.get(prefix) ?? 1;
    while (used.has(`${prefix}-${n}`)) n++;
    const id = `${prefix}-${n}`;
    counters.set(prefix, n + 1);
    used.add(id);
    return id;
  };
  return { node: (kind) => next(PREFIX[kind]), edge: () => next('e') };
}
