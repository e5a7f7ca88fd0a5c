import type { DiagramDocument } from '../model/types';
import { RULES } from './rules';
import type { ValidationReport } from './types';

/** Problem counts of one node, by severity. */
export interface NodeMarks {
  error: number;
  warning: number;
  info: number;
}

export interface Markers {
  /** Counts per node id, for nodes named by at least one diagnostic. */
  nodes: ReadonlyMap<string, NodeMarks>;
  /** Ids of the edges drawn as offending: host edges of misplaced nodes (the rules table says which). */
  edges: ReadonlySet<string>;
}

/**
 * What the canvas and the export mark: per node, how many errors, warnings and notes name
 * it; and the edges into the first node named by a diagnostic whose rule marks the host
 * edge (invalid-host, type-mismatch, multiple-hosts, hardware-on-host, cycle).
 */
export function markers(report: ValidationReport, doc: DiagramDocument): Markers {
  const nodes = new Map<string, NodeMarks>();
  const misplaced = new Set<string>();
  for (const d of report.diagnostics) {
    for (const id of d.nodes) {
      let m = nodes.get(id);
      if (!m) nodes.set(id, (m = { error: 0, warning: 0, info: 0 }));
      m[d.severity]++;
    }
    if (RULES[d.rule].marksHostEdge && d.nodes.length) misplaced.add(d.nodes[0]);
  }
  const edges = new Set<string>();
  if (misplaced.size) for (const e of doc.edges) if (misplaced.has(e.target)) edges.add(e.id);
  return { nodes, edges };
}
