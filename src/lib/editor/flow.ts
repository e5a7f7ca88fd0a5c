import {
  nodeName,
  type DiagramDocument,
  type NodeBox,
  type NodeKind,
  type ValidationReport
} from '$lib/core/index';
import type { Edge, Node } from '@xyflow/svelte';
import { Position } from '@xyflow/svelte';

/** What a canvas node shows. */
export interface StackNodeData extends Record<string, unknown> {
  kind: NodeKind;
  label: string;
  caption: string;
  lines: string[];
  errors: number;
  warnings: number;
  infos: number;
  /** The stack's verdict, on hardware roots. */
  badge?: {
    classification: string;
    ok: boolean;
    nested: boolean;
    expect?: string;
    met?: boolean;
  };
  dropTarget: boolean;
  renaming: boolean;
}

export type StackFlowNode = Node<StackNodeData, 'stack'>;

const HANDLE = 8;

/** Rules whose first named node sits on a host it should not: its incoming edges are marked. */
const EDGE_RULES = new Set([
  'invalid-host',
  'type-mismatch',
  'multiple-hosts',
  'hardware-on-host',
  'cycle'
]);

/** The document as Svelte Flow nodes and edges. Sizes are the export's, so canvas = picture. */
export function toFlow(
  doc: DiagramDocument,
  report: ValidationReport,
  boxes: Record<string, NodeBox>,
  captions: Record<string, string>,
  selection: readonly string[],
  selectedEdges: readonly string[],
  dropTarget: string | null,
  renaming: string | null
): { nodes: StackFlowNode[]; edges: Edge[]; badEdges: Set<string> } {
  const counts = new Map<string, { errors: number; warnings: number; infos: number }>();
  const badTargets = new Set<string>();
  for (const d of report.diagnostics) {
    for (const id of d.nodes) {
      const c = counts.get(id) ?? { errors: 0, warnings: 0, infos: 0 };
      if (d.severity === 'error') c.errors++;
      else if (d.severity === 'warning') c.warnings++;
      else c.infos++;
      counts.set(id, c);
    }
    if (EDGE_RULES.has(d.rule)) badTargets.add(d.nodes[0]);
  }
  const stacks = new Map(report.stacks.map((s) => [s.root, s]));
  const selected = new Set(selection);
  const nodes: StackFlowNode[] = doc.nodes.map((n, i) => {
    const box = boxes[n.id];
    const c = counts.get(n.id) ?? { errors: 0, warnings: 0, infos: 0 };
    const s = stacks.get(n.id);
    const width = box?.width ?? 140;
    const height = box?.height ?? 50;
    return {
      id: n.id,
      type: 'stack',
      position: n.position ?? { x: i * 24, y: i * 24 },
      width,
      height,
      measured: { width, height },
      selected: selected.has(n.id),
      handles: [
        {
          id: 'top',
          type: 'source',
          position: Position.Top,
          x: width / 2 - HANDLE / 2,
          y: -HANDLE / 2,
          width: HANDLE,
          height: HANDLE
        },
        {
          id: 'bottom',
          type: 'target',
          position: Position.Bottom,
          x: width / 2 - HANDLE / 2,
          y: height - HANDLE / 2,
          width: HANDLE,
          height: HANDLE
        }
      ],
      data: {
        kind: n.kind,
        label: nodeName(n, n.id),
        caption: captions[n.id] ?? n.kind.toUpperCase(),
        lines: box?.lines ?? [n.label],
        ...c,
        badge: s
          ? {
              classification: s.classification,
              ok: s.classification !== 'invalid' && s.expectationMet !== false,
              nested: s.nested,
              expect: s.expect,
              met: s.expectationMet
            }
          : undefined,
        dropTarget: dropTarget === n.id,
        renaming: renaming === n.id
      }
    };
  });
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  const edgeSelected = new Set(selectedEdges);
  const badEdges = new Set<string>();
  const edges: Edge[] = doc.edges.map((e) => {
    const bad = badTargets.has(e.target);
    if (bad) badEdges.add(e.id);
    return {
      id: e.id,
      source: e.source,
      target: e.target,
      sourceHandle: 'top',
      targetHandle: 'bottom',
      type: 'smoothstep',
      selected: edgeSelected.has(e.id),
      class: bad ? 'bad' : undefined,
      ariaLabel: `${nodeName(byId.get(e.target), e.target)} runs on ${nodeName(byId.get(e.source), e.source)}${bad ? ' (problem)' : ''}`
    };
  });
  return { nodes, edges, badEdges };
}
