import { declaredType } from './catalog';
import type { DiagramDocument } from './types';

/**
 * The small line above each node's label: its kind, and for hypervisors the declared type,
 * for OSes their role (host of a hypervisor, or guest on one). Shown on the canvas and in
 * the export, and measured for the layout.
 */
export function nodeCaptions(doc: DiagramDocument): Record<string, string> {
  const kind = new Map(doc.nodes.map((n) => [n.id, n.kind]));
  const guest = new Set<string>();
  const host = new Set<string>();
  for (const e of doc.edges) {
    if (kind.get(e.target) === 'os' && kind.get(e.source) === 'hypervisor') guest.add(e.target);
    if (kind.get(e.source) === 'os' && kind.get(e.target) === 'hypervisor') host.add(e.source);
  }
  const out: Record<string, string> = {};
  for (const n of doc.nodes) {
    switch (n.kind) {
      case 'hypervisor': {
        const t = declaredType(n);
        out[n.id] = t ? `HYPERVISOR · TYPE ${t}` : 'HYPERVISOR';
        break;
      }
      case 'os':
        out[n.id] = guest.has(n.id) ? 'GUEST OS' : host.has(n.id) ? 'HOST OS' : 'OS';
        break;
      default:
        out[n.id] = n.kind.toUpperCase();
    }
  }
  return out;
}
