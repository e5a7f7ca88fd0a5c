import type { DiagramDocument, DiagramNode, NodeKind } from './model/types';

/**
 * Build a document tersely, for tests:
 * `doc(['hw hardware Dell', 'esxi hypervisor ESXi 8'], ['hw>esxi'])`.
 * A node is "id kind label…"; extra fields come from `extra[id]`.
 * An edge is "host>guest", with ids e1, e2, … in order.
 */
export function doc(
  nodes: string[],
  edges: string[] = [],
  extra: Record<string, Partial<DiagramNode>> = {}
): DiagramDocument {
  return {
    version: 1,
    nodes: nodes.map((spec) => {
      const [id, kind, ...label] = spec.split(' ');
      return { id, kind: kind as NodeKind, label: label.join(' ') || id, ...extra[id] };
    }),
    edges: edges.map((spec, i) => {
      const [source, target] = spec.split('>');
      return { id: `e${i + 1}`, source, target };
    })
  };
}
