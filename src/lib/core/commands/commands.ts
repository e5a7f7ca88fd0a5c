import type { Lang } from '../i18n/lang';
import { declaredType } from '../model/catalog';
import { defaultLabel, fieldFits, NODE_FIELDS, type NodeKind } from '../model/kinds';
import type {
  DiagramDocument,
  DiagramEdge,
  DiagramNode,
  Expectation,
  HypervisorType,
  Position,
  Protection
} from '../model/types';
import type { Fix } from '../rules/types';
import { mayRunOn } from '../rules/validate';
import { byId } from '../model/ids';
import { idMaker } from './ids';
import { addReplica, updateCluster } from './redundancy';

/**
 * Every change of a document is one of these commands: `perform(doc, args)` returns the
 * new document (never mutating the old one) and what to select, or an error in words.
 * The editor's history records their results; nothing else changes a document.
 */
export interface Done {
  doc: DiagramDocument;
  /** Node ids to select afterwards (undefined: keep the selection). */
  select?: string[];
  /** A node whose label should be edited right away. */
  rename?: string;
  /** Only positions changed: nothing to validate, measure or lay out again. */
  positionsOnly?: true;
}
export interface Refused {
  /** Why, in English (the editor shows its own words for the `reason`s it knows). */
  error: string;
  /** A machine-readable reason, where callers act on it (or say it in their own words). */
  reason?: 'loop' | 'self' | 'duplicate';
}
export type Outcome = Done | Refused;

export const isRefused = (o: Outcome): o is Refused => 'error' in o;

const replaceNode = (
  doc: DiagramDocument,
  id: string,
  f: (n: DiagramNode) => DiagramNode
): DiagramDocument => ({
  ...doc,
  nodes: doc.nodes.map((n) => (n.id === id ? f(n) : n))
});

const hasNode = (doc: DiagramDocument, id: string) => doc.nodes.some((n) => n.id === id);

export interface NewNode {
  kind: NodeKind;
  /** Default: the kind's default label in `lang`. */
  label?: string;
  product?: string;
  hypervisorType?: HypervisorType;
  position?: Position;
  /** Language of default labels (default English). */
  lang?: Lang;
}

/** Add a node, free or running on `onto`. The new node is selected and ready to rename. */
export function addNode(doc: DiagramDocument, args: NewNode & { onto?: string }): Outcome {
  if (args.onto !== undefined && !hasNode(doc, args.onto))
    return { error: `There is no node "${args.onto}".` };
  const ids = idMaker(doc);
  const id = ids.node(args.kind);
  const node: DiagramNode = {
    id,
    kind: args.kind,
    label: args.label ?? defaultLabel(args.kind, args.lang ?? 'en')
  };
  if (args.product !== undefined) node.product = args.product;
  if (args.hypervisorType !== undefined && args.kind === 'hypervisor')
    node.hypervisorType = args.hypervisorType;
  if (args.position) node.position = { x: args.position.x, y: args.position.y };
  const edges =
    args.onto !== undefined
      ? [...doc.edges, { id: ids.edge(), source: args.onto, target: id }]
      : doc.edges;
  return { doc: { ...doc, nodes: [...doc.nodes, node], edges }, select: [id], rename: id };
}

/** Delete nodes and edges; the edges of deleted nodes go too. */
export function deleteElements(
  doc: DiagramDocument,
  args: { nodes?: string[]; edges?: string[] }
): Outcome {
  const nodes = new Set(args.nodes ?? []);
  const edges = new Set(args.edges ?? []);
  if (nodes.size === 0 && edges.size === 0) return { error: 'Nothing is selected.' };
  return {
    doc: {
      ...doc,
      nodes: doc.nodes.filter((n) => !nodes.has(n.id)),
      edges: doc.edges.filter(
        (e) => !edges.has(e.id) && !nodes.has(e.source) && !nodes.has(e.target)
      )
    },
    select: []
  };
}

/** Store new positions (px, top-left corners) by node id, after a drag, a nudge or a layout. */
export function moveNodes(
  doc: DiagramDocument,
  args: { positions: Readonly<Record<string, Position>> | ReadonlyMap<string, Position> }
): Outcome {
  let changed = false;
  const nodes = doc.nodes.map((n) => {
    const p = byId(args.positions, n.id);
    if (!p || (n.position && n.position.x === p.x && n.position.y === p.y)) return n;
    changed = true;
    return { ...n, position: { x: p.x, y: p.y } };
  });
  if (!changed) return { error: 'Nothing moved.' };
  return { doc: { ...doc, nodes }, positionsOnly: true };
}

/**
 * Whether document `b` differs from `a` in node positions only: every other field the same
 * value (by identity, as commands leave what they do not change), the same nodes in the same
 * order, each the same object or equal but for `position`. An undo or redo step of a move is
 * such a change: nothing to validate, measure or lay out again. O(nodes).
 */
export function positionsOnlyChange(a: DiagramDocument, b: DiagramDocument): boolean {
  if (a === b) return true;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys)
    if (
      k !== 'nodes' &&
      (a as unknown as Record<string, unknown>)[k] !== (b as unknown as Record<string, unknown>)[k]
    )
      return false;
  if (a.nodes.length !== b.nodes.length) return false;
  for (let i = 0; i < a.nodes.length; i++) {
    const x = a.nodes[i] as unknown as Record<string, unknown>;
    const y = b.nodes[i] as unknown as Record<string, unknown>;
    if (x === y) continue;
    const fields = new Set([...Object.keys(x), ...Object.keys(y)]);
    for (const f of fields) if (f !== 'position' && x[f] !== y[f]) return false;
  }
  return true;
}

/**
 * Draw a new edge: `target` runs on `source`. Any pair is allowed but a loop (the source
 * already runs on the target, directly or higher up), a node on itself, or a duplicate.
 */
export function connect(doc: DiagramDocument, args: { source: string; target: string }): Outcome {
  const { source, target } = args;
  if (!hasNode(doc, source) || !hasNode(doc, target))
    return { error: 'Both ends must be nodes of the diagram.' };
  if (source === target) return { error: 'A layer cannot run on itself.', reason: 'self' };
  if (doc.edges.some((e) => e.source === source && e.target === target))
    return { error: 'These two are already connected.', reason: 'duplicate' };
  if (runsOnTop(doc, target).has(source))
    return { error: 'A layer cannot run on what runs on it.', reason: 'loop' };
  const id = idMaker(doc).edge();
  return { doc: { ...doc, edges: [...doc.edges, { id, source, target }] } };
}

/** `id` and everything that runs on it, transitively (iterative; linear in the edges). */
export function runsOnTop(doc: DiagramDocument, id: string): Set<string> {
  const children = new Map<string, string[]>();
  for (const e of doc.edges) {
    const list = children.get(e.source);
    if (list) list.push(e.target);
    else children.set(e.source, [e.target]);
  }
  const out = new Set([id]);
  const todo = [id];
  while (todo.length) {
    for (const c of children.get(todo.pop()!) ?? []) {
      if (!out.has(c)) {
        out.add(c);
        todo.push(c);
      }
    }
  }
  return out;
}

/**
 * Make `node` run on `host` alone (drag a node onto another); `host: null` detaches it.
 * Refused when `host` runs on `node` (directly or higher up): that would make a loop.
 */
export function setHost(
  doc: DiagramDocument,
  args: { node: string; host: string | null; position?: Position }
): Outcome {
  const { node, host } = args;
  if (!hasNode(doc, node)) return { error: `There is no node "${node}".` };
  if (host !== null && !hasNode(doc, host)) return { error: `There is no node "${host}".` };
  if (host === node) return { error: 'A layer cannot run on itself.', reason: 'self' };
  if (host !== null && runsOnTop(doc, node).has(host))
    return { error: 'A layer cannot run on what runs on it.', reason: 'loop' };
  const current = doc.edges.filter((e) => e.target === node);
  if (host !== null && current.length === 1 && current[0].source === host && !args.position) {
    return { error: 'It already runs there.' };
  }
  const edges = doc.edges.filter((e) => e.target !== node);
  if (host !== null) {
    // Keep the old edge's id when there was exactly one, so the change reads as a move.
    const id = current.length === 1 ? current[0].id : idMaker(doc).edge();
    edges.push({ id, source: host, target: node });
  }
  let next: DiagramDocument = { ...doc, edges };
  if (args.position)
    next = replaceNode(next, node, (n) => ({ ...n, position: { ...args.position! } }));
  return { doc: next };
}

const PATCH_FIELDS = NODE_FIELDS;

/**
 * Swap an edge's direction: what ran on the host now hosts it. Refused when that would make
 * a loop (the new host already runs on the old one by another way).
 */
export function reverseEdge(doc: DiagramDocument, args: { id: string }): Outcome {
  const edge = doc.edges.find((e) => e.id === args.id);
  if (!edge) return { error: `There is no edge "${args.id}".` };
  const others = { ...doc, edges: doc.edges.filter((e) => e.id !== args.id) };
  if (runsOnTop(others, edge.source).has(edge.target))
    return { error: 'A layer cannot run on what runs on it.', reason: 'loop' };
  if (doc.edges.some((e) => e.source === edge.target && e.target === edge.source))
    return { error: 'These two are already connected.', reason: 'duplicate' };
  return {
    doc: {
      ...doc,
      edges: doc.edges.map((e) =>
        e.id === args.id ? { ...e, source: edge.target, target: edge.source } : e
      )
    }
  };
}

export interface NodePatch {
  label?: string;
  kind?: NodeKind;
  /** null removes the field. */
  product?: string | null;
  hypervisorType?: HypervisorType | null;
  expect?: Expectation | null;
  protection?: Protection | null;
  replicaOf?: string | null;
  /** Capacity: hardware cores; memory in GiB; a VM's virtual CPUs. */
  cores?: number | null;
  memoryGiB?: number | null;
  vcpus?: number | null;
}

/** Change fields of a node. Fields that no longer fit its kind are dropped. */
export function updateNode(doc: DiagramDocument, args: { id: string; patch: NodePatch }): Outcome {
  const old = doc.nodes.find((n) => n.id === args.id);
  if (!old) return { error: `There is no node "${args.id}".` };
  const n: DiagramNode = { ...old };
  const p = args.patch;
  if (p.label !== undefined) n.label = p.label;
  if (p.kind !== undefined) n.kind = p.kind;
  for (const field of PATCH_FIELDS) {
    const v = p[field];
    if (v === null) delete n[field];
    else if (v !== undefined) (n as Record<string, unknown>)[field] = v;
  }
  // Fields that no longer fit the kind (the kind spec says which fit) are dropped, except a
  // product: it only names the thing, and helps the catalog when the kind changes back.
  for (const field of PATCH_FIELDS)
    if (field !== 'product' && !fieldFits(n.kind, field)) delete n[field];
  if (JSON.stringify(n) === JSON.stringify(old)) return { error: 'Nothing changed.' };
  return { doc: replaceNode(doc, args.id, () => n) };
}

export function setTitle(doc: DiagramDocument, args: { title: string }): Outcome {
  if ((doc.title ?? '') === args.title) return { error: 'Nothing changed.' };
  const next = { ...doc };
  if (args.title === '') delete next.title;
  else next.title = args.title;
  return { doc: next };
}

/** A piece of a diagram on the clipboard: nodes and the edges between them. */
export interface Clip {
  nodes: DiagramNode[];
  edges: DiagramEdge[];
}

/** The selected nodes and the edges inside the selection. */
export function copySelection(doc: DiagramDocument, ids: readonly string[]): Clip {
  const set = new Set(ids);
  return {
    nodes: doc.nodes.filter((n) => set.has(n.id)).map((n) => structuredClone(n)),
    edges: doc.edges.filter((e) => set.has(e.source) && set.has(e.target)).map((e) => ({ ...e }))
  };
}

/**
 * Paste a clip with new ids, shifted by `offset` (px); the pasted nodes are selected. With
 * `onto`, the clip's roots (its nodes with no host inside it) run on that node, each where
 * the kind spec allows it (a guest OS onto a hypervisor, a service onto an OS …).
 */
export function paste(
  doc: DiagramDocument,
  args: { clip: Clip; offset?: Position; onto?: string }
): Outcome {
  const { clip } = args;
  if (clip.nodes.length === 0) return { error: 'The clipboard holds no nodes.' };
  const host = args.onto === undefined ? undefined : doc.nodes.find((n) => n.id === args.onto);
  if (args.onto !== undefined && !host) return { error: `There is no node "${args.onto}".` };
  const ids = idMaker(doc);
  const map = new Map<string, string>();
  const dx = args.offset?.x ?? 32;
  const dy = args.offset?.y ?? 32;
  const nodes = clip.nodes.map((n) => {
    const id = ids.node(n.kind);
    map.set(n.id, id);
    const copy: DiagramNode = { ...structuredClone(n), id };
    if (n.position) copy.position = { x: n.position.x + dx, y: n.position.y + dy };
    return copy;
  });
  const edges = clip.edges
    .filter((e) => map.has(e.source) && map.has(e.target))
    .map((e) => ({ ...e, id: ids.edge(), source: map.get(e.source)!, target: map.get(e.target)! }));
  if (host) {
    const hosted = new Set(edges.map((e) => e.target));
    for (const n of nodes)
      if (!hosted.has(n.id) && mayRunOn(n, host))
        edges.push({ id: ids.edge(), source: host.id, target: n.id });
  }
  return {
    doc: { ...doc, nodes: [...doc.nodes, ...nodes], edges: [...doc.edges, ...edges] },
    select: nodes.map((n) => n.id)
  };
}

/**
 * Duplicate nodes: a copy of them and the edges between them, shifted by `offset` (px), each
 * copy of a root still running on the host(s) the original runs on (a duplicated guest OS
 * stays on its hypervisor).
 */
export function duplicate(
  doc: DiagramDocument,
  args: { ids: readonly string[]; offset?: Position }
): Outcome {
  const clip = copySelection(doc, args.ids);
  const pasted = paste(doc, { clip, offset: args.offset });
  if (isRefused(pasted)) return pasted;
  const inClip = new Set(clip.nodes.map((n) => n.id));
  const copyOf = new Map(
    clip.nodes.map((n, i) => [n.id, pasted.doc.nodes[doc.nodes.length + i].id])
  );
  const ids = idMaker(pasted.doc);
  const extra: DiagramEdge[] = [];
  for (const e of doc.edges)
    if (inClip.has(e.target) && !inClip.has(e.source))
      extra.push({ id: ids.edge(), source: e.source, target: copyOf.get(e.target)! });
  return { ...pasted, doc: { ...pasted.doc, edges: [...pasted.doc.edges, ...extra] } };
}

/** Replace the whole document (New, Open, an example). Undo brings the old one back. */
export function replaceDocument(_doc: DiagramDocument, args: { doc: DiagramDocument }): Outcome {
  return { doc: args.doc, select: [] };
}

/** A position just above a node, for a node inserted on top of it. */
function above(doc: DiagramDocument, id: string, dy = -90): Position | undefined {
  const p = doc.nodes.find((n) => n.id === id)?.position;
  return p ? { x: p.x, y: p.y + dy } : undefined;
}

/** Put a new node between `below` and `over` (edge below→over becomes below→new→over). */
function insertBetween(doc: DiagramDocument, below: string, over: string, node: NewNode): Outcome {
  const ids = idMaker(doc);
  const id = ids.node(node.kind);
  const fresh: DiagramNode = {
    id,
    kind: node.kind,
    label: node.label ?? defaultLabel(node.kind, node.lang ?? 'en')
  };
  if (node.hypervisorType) fresh.hypervisorType = node.hypervisorType;
  const pos = above(doc, below);
  if (pos) fresh.position = pos;
  const edges: DiagramEdge[] = [];
  for (const e of doc.edges) {
    if (e.source === below && e.target === over) {
      edges.push({ id: ids.edge(), source: below, target: id }, { ...e, source: id });
    } else edges.push(e);
  }
  return { doc: { ...doc, nodes: [...doc.nodes, fresh], edges }, select: [id], rename: id };
}

/**
 * Apply a quick fix offered by the rules engine (rules.ts says which). Inserted nodes get
 * the kind's default label in `lang` ("Host OS" / "호스트 OS"); an inserted hypervisor gets
 * the type that makes its stack valid (Type 1: it goes on the hardware).
 */
export function applyFix(doc: DiagramDocument, args: { fix: Fix; lang?: Lang }): Outcome {
  const { fix } = args;
  const lang = args.lang ?? 'en';
  switch (fix.type) {
    case 'insert-host-os':
      return insertBetween(doc, fix.host, fix.hv, {
        kind: 'os',
        label: defaultLabel('os', lang, 'host')
      });
    case 'insert-guest-os':
      return insertBetween(doc, fix.hv, fix.node, {
        kind: 'os',
        label: defaultLabel('os', lang, 'guest')
      });
    case 'add-guest-os':
      return addNode(doc, {
        kind: 'os',
        label: defaultLabel('os', lang, 'guest'),
        onto: fix.hv,
        position: above(doc, fix.hv)
      });
    case 'insert-hypervisor': {
      // The hypervisor goes where the systems stood (on the hardware or its firmware).
      const systems = new Set(fix.systems);
      const base = doc.edges.find((e) => systems.has(e.target))?.source ?? fix.hw;
      const ids = idMaker(doc);
      const id = ids.node('hypervisor');
      const hv: DiagramNode = {
        id,
        kind: 'hypervisor',
        label: defaultLabel('hypervisor', lang),
        hypervisorType: 1
      };
      const pos = above(doc, base);
      if (pos) hv.position = pos;
      const edges = doc.edges.map((e) =>
        systems.has(e.target) && (e.source === fix.hw || e.source === base)
          ? { ...e, source: id }
          : e
      );
      edges.push({ id: ids.edge(), source: base, target: id });
      return { doc: { ...doc, nodes: [...doc.nodes, hv], edges }, select: [id], rename: id };
    }
    case 'move-onto-firmware':
      return {
        doc: {
          ...doc,
          edges: doc.edges.map((e) =>
            e.source === fix.hw && e.target === fix.node ? { ...e, source: fix.fw } : e
          )
        },
        select: [fix.node]
      };
    case 'reset-hypervisor-type': {
      const node = doc.nodes.find((n) => n.id === fix.hv);
      if (!node) return { error: `There is no node "${fix.hv}".` };
      const next = replaceNode(doc, fix.hv, (n) => {
        const copy = { ...n };
        delete copy.hypervisorType;
        return copy;
      });
      // Automatic now gives the catalog's type; say so if it does not (it always should).
      const after = next.nodes.find((n) => n.id === fix.hv)!;
      if (declaredType(after) !== fix.to)
        return { error: 'The catalog does not know this product.' };
      return { doc: next, select: [fix.hv] };
    }
    case 'set-kind': {
      const done = updateNode(doc, { id: fix.node, patch: { kind: fix.kind } });
      return isRefused(done) ? done : { ...done, select: [fix.node] };
    }
    case 'redraw-container-engine': {
      // The engine becomes a service on its OS; what was drawn on it moves onto that OS,
      // beside the engine: guest OSes and services drawn on it become containers.
      if (!hasNode(doc, fix.node) || !hasNode(doc, fix.host))
        return { error: 'The engine or its OS is gone.' };
      const onEngine = new Set(doc.edges.filter((e) => e.source === fix.node).map((e) => e.target));
      const hosted = new Set(doc.edges.filter((e) => e.source === fix.host).map((e) => e.target));
      const nodes = doc.nodes.map((n) => {
        if (n.id === fix.node) {
          const copy: DiagramNode = { ...n, kind: 'service' };
          delete copy.hypervisorType;
          return copy;
        }
        if (onEngine.has(n.id) && (n.kind === 'os' || n.kind === 'service'))
          return { ...n, kind: 'container' as const };
        return n;
      });
      const edges = doc.edges
        // Already on the OS as well: the edge from the engine just goes.
        .filter((e) => !(e.source === fix.node && hosted.has(e.target)))
        .map((e) => (e.source === fix.node ? { ...e, source: fix.host } : e));
      return { doc: { ...doc, nodes, edges }, select: [fix.node] };
    }
    case 'swap-with-host': {
      // hardware → OS → hypervisor becomes hardware → hypervisor → OS.
      if (!hasNode(doc, fix.hv) || !hasNode(doc, fix.os)) return { error: 'A node is gone.' };
      const edges = doc.edges.map((e) => {
        if (e.target === fix.os) return { ...e, target: fix.hv };
        if (e.source === fix.os && e.target === fix.hv)
          return { ...e, source: fix.hv, target: fix.os };
        return e;
      });
      return { doc: { ...doc, edges }, select: [fix.hv] };
    }
    case 'enable-ha':
      return updateCluster(doc, { id: fix.cluster, ha: true });
    case 'add-ft-replica':
      return addReplica(doc, { guest: fix.guest, hv: fix.hv });
    case 'merge-into-host': {
      // The OS and KVM are one node, "Linux with KVM", standing where the OS stood; what ran
      // on the OS (its services, containers) now runs on it.
      const os = doc.nodes.find((n) => n.id === fix.os);
      const hv = doc.nodes.find((n) => n.id === fix.hv);
      if (!os || !hv) return { error: 'A node is gone.' };
      const taken = new Set(doc.edges.filter((e) => e.source === fix.hv).map((e) => e.target));
      const edges: DiagramEdge[] = [];
      for (const e of doc.edges) {
        if (e.source === fix.os && e.target === fix.hv) continue;
        if (e.target === fix.os) edges.push({ ...e, target: fix.hv });
        else if (e.source === fix.os) {
          if (!taken.has(e.target)) edges.push({ ...e, source: fix.hv });
        } else edges.push(e);
      }
      // A bare "KVM" takes the OS's name with it ("Ubuntu + KVM"); a product keeps its own.
      const label = /^\s*kvm\s*$/i.test(hv.label) ? `${os.label.trim()} + KVM` : hv.label;
      return {
        doc: {
          ...doc,
          nodes: doc.nodes
            .filter((n) => n.id !== fix.os)
            .map((n) => (n.id === fix.hv ? { ...n, label } : n)),
          edges
        },
        select: [fix.hv]
      };
    }
  }
}
