import {
  KIND_SPECS,
  markers,
  stackIsValid,
  nodeName,
  type DiagramDocument,
  type FailureOverlay,
  type NodeBox,
  type NodeKind,
  type StackReport,
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
    missing?: StackReport['missing'];
  };
  dropTarget: boolean;
  renaming: boolean;
  /** In the "What if … fails?" mode: failed, stopped (dimmed), down for good, or an FT copy
   * that takes over. */
  failure?: 'failed' | 'stopped' | 'down' | 'continues';
}

export type StackFlowNode = Node<StackNodeData, 'stack'>;

/** An HA-restarted guest (or what runs in it) drawn where it restarts (failure view). */
export interface GhostNodeData extends Record<string, unknown> {
  kind: NodeKind;
  caption: string;
  lines: string[];
  /** The restarted guest itself (its caption says so), not what runs in it. */
  restarted: boolean;
}
export type GhostFlowNode = Node<GhostNodeData, 'ghost'>;

const HANDLE = 8;

/** The document as Svelte Flow nodes and edges. Sizes are the export's, so canvas = picture. */
export function toFlow(
  doc: DiagramDocument,
  report: ValidationReport,
  boxes: Record<string, NodeBox>,
  captions: ReadonlyMap<string, string>,
  selection: readonly string[],
  selectedEdges: readonly string[],
  dropTarget: string | null,
  renaming: string | null,
  runsOn: (guest: string, host: string) => string,
  previous?: { nodes: StackFlowNode[]; edges: Edge[] },
  overlay?: FailureOverlay,
  restartedCaption = ''
): {
  nodes: StackFlowNode[];
  edges: Edge[];
  badEdges: ReadonlySet<string>;
  ghosts: GhostFlowNode[];
  ghostEdges: Edge[];
} {
  // Unchanged nodes and edges keep their objects, so Svelte Flow and the node components
  // skip them: moving 500 nodes should not re-render 500 labels.
  const prevNodes = new Map(previous?.nodes.map((n) => [n.id, n]));
  const prevEdges = new Map(previous?.edges.map((e) => [e.id, e]));
  const marked = markers(report, doc);
  const stacks = new Map(report.stacks.map((s) => [s.root, s]));
  const selected = new Set(selection);
  const nodes: StackFlowNode[] = doc.nodes.map((n, i): StackFlowNode => {
    const box = boxes[n.id];
    const m = marked.nodes.get(n.id);
    const c = { errors: m?.error ?? 0, warnings: m?.warning ?? 0, infos: m?.info ?? 0 };
    const s = stacks.get(n.id);
    const width = box?.width ?? 140;
    const height = box?.height ?? 50;
    const fresh: StackFlowNode = {
      id: n.id,
      type: 'stack',
      position: n.position ?? { x: i * 24, y: i * 24 },
      width,
      height,
      measured: { width, height },
      selected: selected.has(n.id),
      handles: handlesOf(width, height),
      data: {
        kind: n.kind,
        label: nodeName(n, n.id),
        caption: captions.get(n.id) ?? KIND_SPECS[n.kind].caption.en,
        lines: box?.lines ?? [n.label],
        ...c,
        badge: s
          ? {
              classification: s.classification,
              ok: stackIsValid(s),
              nested: s.nested,
              expect: s.expect,
              met: s.expectationMet,
              missing: s.missing
            }
          : undefined,
        dropTarget: dropTarget === n.id,
        renaming: renaming === n.id,
        failure: failureOf(overlay, n.id)
      }
    };
    return reuse(prevNodes.get(n.id), fresh);
  });
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  const edgeSelected = new Set(selectedEdges);
  const badEdges = marked.edges;
  const edges: Edge[] = doc.edges.map((e) => {
    const bad = badEdges.has(e.id);
    const fresh: Edge = {
      id: e.id,
      source: e.source,
      target: e.target,
      sourceHandle: 'top',
      targetHandle: 'bottom',
      type: 'smoothstep',
      selected: edgeSelected.has(e.id),
      class: bad ? 'bad' : undefined,
      ariaLabel: `${runsOn(nodeName(byId.get(e.target), e.target), nodeName(byId.get(e.source), e.source))}${bad ? ' ⚠' : ''}`
    };
    const old = prevEdges.get(e.id);
    return old && shallowEqual(old, fresh) ? old : fresh;
  });
  const ghosts: GhostFlowNode[] = [];
  const ghostEdges: Edge[] = [];
  for (const g of overlay?.ghosts ?? []) {
    const gid = (id: string) => `ghost:${g.guest}:${id}`;
    for (const [id, r] of [
      [g.guest, g.rect] as const,
      ...g.above.map((a) => [a.id, a.rect] as const)
    ]) {
      const n = byId.get(id);
      if (!n) continue;
      ghosts.push({
        id: gid(id),
        type: 'ghost',
        position: { x: r.x, y: r.y },
        width: r.width,
        height: r.height,
        measured: { width: r.width, height: r.height },
        draggable: false,
        selectable: false,
        connectable: false,
        focusable: false,
        handles: handlesOf(r.width, r.height),
        data: {
          kind: n.kind,
          caption:
            id === g.guest ? restartedCaption : (captions.get(id) ?? KIND_SPECS[n.kind].caption.en),
          lines: boxes[id]?.lines ?? [n.label],
          restarted: id === g.guest
        }
      });
    }
    const link = (source: string, target: string): Edge => ({
      id: `ghost-edge:${source}->${target}`,
      source,
      target,
      sourceHandle: 'top',
      targetHandle: 'bottom',
      type: 'smoothstep',
      class: 'ghost',
      selectable: false,
      focusable: false
    });
    ghostEdges.push(link(g.hypervisor, gid(g.guest)));
    for (const e of g.edges) ghostEdges.push(link(gid(e.source), gid(e.target)));
  }
  return { nodes, edges, badEdges, ghosts, ghostEdges };
}

/** A node's two handles: guests attach on top (source), its host below (target). */
function handlesOf(width: number, height: number): NonNullable<Node['handles']> {
  return [
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
  ];
}

/** A node's state in the failure view. */
function failureOf(overlay: FailureOverlay | undefined, id: string): StackNodeData['failure'] {
  if (!overlay) return undefined;
  if (overlay.failed.has(id)) return 'failed';
  if (overlay.down.has(id)) return 'down';
  if (overlay.stopped.has(id)) return 'stopped';
  if (overlay.continuing.has(id)) return 'continues';
  return undefined;
}

function shallowEqual(a: object, b: object): boolean {
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka)
    if ((a as Record<string, unknown>)[k] !== (b as Record<string, unknown>)[k]) return false;
  return true;
}

/** The previous node object when nothing shown changed; else the new one, keeping `data` if equal. */
function reuse(old: StackFlowNode | undefined, fresh: StackFlowNode): StackFlowNode {
  if (!old) return fresh;
  const sameData = shallowEqual(
    { ...old.data, lines: old.data.lines.join('\n'), badge: JSON.stringify(old.data.badge) },
    {
      ...fresh.data,
      lines: fresh.data.lines.join('\n'),
      badge: JSON.stringify(fresh.data.badge)
    }
  );
  const data = sameData ? old.data : fresh.data;
  if (
    sameData &&
    old.position.x === fresh.position.x &&
    old.position.y === fresh.position.y &&
    old.width === fresh.width &&
    old.height === fresh.height &&
    old.selected === fresh.selected
  ) {
    return old;
  }
  return {
    ...fresh,
    data,
    handles: old.width === fresh.width && old.height === fresh.height ? old.handles : fresh.handles
  };
}
