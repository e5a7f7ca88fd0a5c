import { Topology } from '../analysis/topology';
import type { Lang } from '../i18n/lang';
import { catalogEntryFor } from '../model/catalog';
import { defaultLabel } from '../model/kinds';
import type { Cluster, DiagramDocument, DiagramEdge, DiagramNode } from '../model/types';
import { HYPERVISOR, OS } from '../rules/graph';
import { validate } from '../rules/validate';
import { copySelection, isRefused, paste, runsOnTop, type Outcome } from './commands';
import { idMaker } from './ids';

/**
 * Commands of the redundancy issue (section 4): clusters of machines, FT copies and
 * consolidation of dedicated servers onto hypervisor hosts. Like every command, each returns
 * a new document (or a refusal in words) and never changes the old one.
 */

const CLUSTER_WORD: Record<Lang, string> = { en: 'Cluster', ko: '클러스터' };

/**
 * Keep a document's references readable after any change (the reader would refuse it
 * otherwise, and an autosave must always read back): cluster members are machines (hardware
 * with no host) that exist, each in one cluster; `replicaOf` is on an OS and names another
 * OS that is not itself a copy. A member or a `replicaOf` that no longer holds is dropped;
 * everything else is kept as it was. Returns `doc` itself when nothing needed it.
 */
export function tidyReferences(doc: DiagramDocument): DiagramDocument {
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  let nodes = doc.nodes;
  const badReplica = (n: DiagramNode) => {
    if (n.replicaOf === undefined) return false;
    const p = typeof n.replicaOf === 'string' ? byId.get(n.replicaOf) : undefined;
    return (
      n.kind !== 'os' || !p || p.kind !== 'os' || p.id === n.id || typeof p.replicaOf === 'string'
    );
  };
  if (doc.nodes.some(badReplica)) {
    nodes = doc.nodes.map((n) => {
      if (!badReplica(n)) return n;
      const copy = { ...n };
      delete copy.replicaOf;
      return copy;
    });
  }
  let clusters = doc.clusters;
  if (clusters && clusters.length) {
    const hosted = new Set(doc.edges.map((e) => e.target));
    const taken = new Set<string>();
    let changed = false;
    const next = clusters.map((c) => {
      const members = c.members.filter((m) => {
        const ok = byId.get(m)?.kind === 'hardware' && !hosted.has(m) && !taken.has(m);
        taken.add(m);
        return ok;
      });
      if (members.length === c.members.length) return c;
      changed = true;
      return { ...c, members };
    });
    // A cluster whose last machine went is gone too (it had nothing left to frame).
    if (changed) clusters = next.filter((c, i) => c.members.length > 0 || clusters![i] === c);
  }
  if (nodes === doc.nodes && clusters === doc.clusters) return doc;
  return { ...doc, nodes, clusters };
}

/** The machines (hardware roots) the given nodes stand on, each once, in the order given. */
export function machinesOf(doc: DiagramDocument, ids: readonly string[]): string[] {
  const top = new Topology(doc);
  const out: string[] = [];
  for (const id of ids) {
    const i = top.index(id);
    if (i < 0) continue;
    const m = top.machine(i);
    if (m !== undefined && !out.includes(m)) out.push(m);
  }
  return out;
}

/**
 * Make a cluster of the machines the selected nodes stand on (`members`: any node ids; each
 * counts as its machine). Machines already in another cluster move to the new one. HA is on
 * unless `ha: false`. The cluster is named "Cluster N" (in `lang`) unless `label` is given.
 */
export function createCluster(
  doc: DiagramDocument,
  args: { members: readonly string[]; label?: string; ha?: boolean; lang?: Lang }
): Outcome & { cluster?: string } {
  const members = machinesOf(doc, args.members);
  if (members.length === 0)
    return { error: 'Select the servers (hardware) to put in the cluster.' };
  const same = doc.clusters?.find(
    (c) => c.members.length === members.length && members.every((m) => c.members.includes(m))
  );
  if (same) return { error: `These machines already form the cluster "${same.label ?? same.id}".` };
  const ids = idMaker(doc);
  const id = ids.cluster();
  const word = CLUSTER_WORD[args.lang ?? 'en'];
  const names = new Set((doc.clusters ?? []).map((c) => c.label));
  let k = (doc.clusters?.length ?? 0) + 1;
  while (names.has(`${word} ${k}`)) k++;
  const cluster: Cluster = { id, label: args.label ?? `${word} ${k}`, members };
  if (args.ha !== false) cluster.ha = true;
  const taken = new Set(members);
  // Machines move from their old clusters; a cluster left with none is removed.
  const others = (doc.clusters ?? []).flatMap((c) => {
    if (!c.members.some((m) => taken.has(m))) return [c];
    const rest = c.members.filter((m) => !taken.has(m));
    return rest.length ? [{ ...c, members: rest }] : [];
  });
  return { doc: { ...doc, clusters: [...others, cluster] }, select: members, cluster: id };
}

/** Rename a cluster or turn its HA on or off. */
export function updateCluster(
  doc: DiagramDocument,
  args: { id: string; label?: string; ha?: boolean }
): Outcome {
  const old = doc.clusters?.find((c) => c.id === args.id);
  if (!old) return { error: `There is no cluster "${args.id}".` };
  const next: Cluster = { ...old };
  if (args.label !== undefined) next.label = args.label;
  if (args.ha === true) next.ha = true;
  else if (args.ha === false) delete next.ha;
  if (JSON.stringify(next) === JSON.stringify(old)) return { error: 'Nothing changed.' };
  return {
    doc: { ...doc, clusters: doc.clusters!.map((c) => (c.id === args.id ? next : c)) }
  };
}

/** Remove a cluster (its machines stay, in no cluster). */
export function removeCluster(doc: DiagramDocument, args: { id: string }): Outcome {
  if (!doc.clusters?.some((c) => c.id === args.id))
    return { error: `There is no cluster "${args.id}".` };
  const clusters = doc.clusters.filter((c) => c.id !== args.id);
  const next: DiagramDocument = { ...doc, clusters };
  if (clusters.length === 0) delete next.clusters;
  return { doc: next };
}

/** Put a machine in a cluster (`cluster: null`: in none), out of any other. */
export function setCluster(
  doc: DiagramDocument,
  args: { machine: string; cluster: string | null }
): Outcome {
  const node = doc.nodes.find((n) => n.id === args.machine);
  if (!node || node.kind !== 'hardware' || doc.edges.some((e) => e.target === args.machine))
    return { error: 'Only a machine (hardware at the bottom of its stack) joins a cluster.' };
  if (args.cluster !== null && !doc.clusters?.some((c) => c.id === args.cluster))
    return { error: `There is no cluster "${args.cluster}".` };
  const current = doc.clusters?.find((c) => c.members.includes(args.machine));
  if ((current?.id ?? null) === args.cluster) return { error: 'Nothing changed.' };
  // A cluster its last machine leaves is removed (undo brings it back).
  const clusters = (doc.clusters ?? []).flatMap((c) => {
    if (c.id === args.cluster) return [{ ...c, members: [...c.members, args.machine] }];
    if (c !== current) return [c];
    const rest = c.members.filter((m) => m !== args.machine);
    return rest.length ? [{ ...c, members: rest }] : [];
  });
  return { doc: { ...doc, clusters } };
}

/**
 * Add an FT secondary copy of guest OS `guest` on hypervisor `hv`: the OS and everything
 * that runs in it (containers, services) are copied onto `hv`; the copy's `replicaOf` names
 * the primary, and the primary gets `protection: "ft"`. A copy of a copy is made of its
 * primary. The copy's OS label gets `args.suffix` (the editor's " (FT copy)", in the UI
 * language), so the two copies can be told apart. A primary has at most one secondary (as
 * VMware FT): a second is refused, naming the first. The copy is selected.
 */
export function addReplica(
  doc: DiagramDocument,
  args: { guest: string; hv: string; suffix?: string }
): Outcome {
  const top = new Topology(doc);
  const g = top.index(args.guest);
  const h = top.index(args.hv);
  if (g < 0 || h < 0) return { error: 'The VM or the hypervisor is gone.' };
  if (!top.isGuest(g)) return { error: 'Only a guest OS (a VM) gets an FT copy.' };
  if (top.role[h] !== HYPERVISOR) return { error: 'An FT copy runs on a hypervisor.' };
  const primary = top.replicaOf.get(args.guest) ?? args.guest;
  const p = top.index(primary);
  const existing = top.replicasOf.get(primary)?.find((r) => top.index(r) >= 0);
  if (existing !== undefined) {
    const where = top.machine(top.index(existing));
    const name = (id: string) => JSON.stringify(top.node(top.index(id)).label || id);
    return {
      error: `${name(primary)} already has an FT copy, ${name(existing)}${where ? ` on ${name(where)}` : ''}: delete it first to put the copy elsewhere.`
    };
  }
  const pieces = [...runsOnTop(doc, primary)];
  const clip = copySelection(doc, pieces);
  const guestPos = top.node(p).position;
  const hvPos = top.node(h).position;
  const offset =
    guestPos && hvPos ? { x: hvPos.x - guestPos.x, y: hvPos.y - 90 - guestPos.y } : undefined;
  const pasted = paste(doc, { clip, onto: args.hv, offset });
  if (isRefused(pasted)) return pasted;
  const copyId =
    pasted.doc.nodes[doc.nodes.length + clip.nodes.findIndex((n) => n.id === primary)].id;
  const nodes = pasted.doc.nodes.map((n) => {
    if (n.id === primary && n.protection !== 'ft') return { ...n, protection: 'ft' as const };
    if (n.id === copyId) {
      const copy: DiagramNode = { ...n, replicaOf: primary };
      if (args.suffix && n.label !== undefined && !n.label.endsWith(args.suffix))
        copy.label = n.label + args.suffix;
      delete copy.protection;
      return copy;
    }
    return n;
  });
  return { doc: { ...pasted.doc, nodes }, select: [copyId] };
}

// ── Consolidation ────────────────────────────────────────────────────────────────────

/** VMs per host when nothing says how much memory they take (the notes: 8 onto 2). */
export const DEFAULT_VMS_PER_HOST = 4;

export interface ConsolidationPlan {
  /** How many hosts. */
  hosts: number;
  /** For each host, the indices of the guests it runs, in the given order. */
  assignment: number[][];
  /** Every host's guests fit its memory (always true when a memory figure is missing). */
  fits: boolean;
}

/**
 * Plan a consolidation: `memory[i]` is guest i's memory in GiB (undefined: unknown). With
 * `hosts` given, that many hosts; otherwise the fewest hosts of `hostMemoryGiB` that fit
 * every guest's memory, or, when a figure is missing, one host per four guests (the notes'
 * 8 → 2). Guests are taken in order and spread evenly (at most ⌈guests / hosts⌉ each, the
 * notes' four and four); a host takes no guest that would exceed its memory while another
 * host follows. With `ha`, a plan fits only if any one host's guests can also be restarted
 * on the others (first fit, largest first), so at least two hosts.
 */
export function planConsolidation(
  memory: readonly (number | undefined)[],
  opts: { hosts?: number; hostMemoryGiB?: number; ha?: boolean } = {}
): ConsolidationPlan {
  const count = memory.length;
  const known = opts.hostMemoryGiB !== undefined && memory.every((m) => m !== undefined);
  const cap = known ? opts.hostMemoryGiB! : Infinity;
  const assign = (hosts: number): ConsolidationPlan => {
    const per = Math.max(1, Math.ceil(count / hosts));
    const assignment: number[][] = Array.from({ length: hosts }, () => []);
    const used = new Array<number>(hosts).fill(0);
    let h = 0;
    let fits = true;
    for (let i = 0; i < count; i++) {
      const need = memory[i] ?? 0;
      while (
        h < hosts - 1 &&
        (assignment[h].length >= per || (assignment[h].length > 0 && used[h] + need > cap))
      )
        h++;
      assignment[h].push(i);
      used[h] += need;
      if (used[h] > cap) fits = false;
    }
    if (fits && opts.ha) fits = hosts > 1 && survivesAnyHost(assignment, used, memory, cap);
    return { hosts, assignment, fits };
  };
  if (opts.hosts !== undefined) return assign(Math.max(1, Math.floor(opts.hosts)));
  if (count === 0) return { hosts: 0, assignment: [], fits: true };
  if (!known) return assign(Math.max(opts.ha ? 2 : 1, Math.ceil(count / DEFAULT_VMS_PER_HOST)));
  const total = memory.reduce<number>((s, m) => s + (m ?? 0), 0);
  for (let hosts = Math.max(1, Math.ceil(total / Math.max(cap, 1e-9))); hosts <= count; hosts++) {
    const plan = assign(hosts);
    if (plan.fits) return plan;
  }
  return assign(count);
}

/** Can any one host's guests restart on the others' free memory (first fit, largest first)? */
function survivesAnyHost(
  assignment: number[][],
  used: number[],
  memory: readonly (number | undefined)[],
  cap: number
): boolean {
  for (let failed = 0; failed < assignment.length; failed++) {
    const free = used.map((u, h) => (h === failed ? -Infinity : cap - u));
    const guests = [...assignment[failed]].sort((a, b) => (memory[b] ?? 0) - (memory[a] ?? 0));
    for (const g of guests) {
      const h = free.findIndex((f) => f >= (memory[g] ?? 0));
      if (h < 0) return false;
      free[h] -= memory[g] ?? 0;
    }
  }
  return true;
}

export interface ConsolidateArgs {
  /** The dedicated servers: machines, or any node of their stacks. */
  machines: readonly string[];
  /** The hypervisor product the hosts run ("VMware ESXi"). */
  product: string;
  /** How many hosts; default: the fewest that fit memory (see `planConsolidation`). */
  hosts?: number;
  /** Each new host's memory and cores. */
  hostMemoryGiB?: number;
  hostCores?: number;
  /** Put the hosts in an HA cluster and protect every VM with HA. */
  ha?: boolean;
  lang?: Lang;
}

/**
 * Consolidate dedicated servers onto Type 1 hosts (course notes 13.2.3: 8 dedicated
 * servers → 2): each dedicated server's OS, with its services, becomes a guest on a new
 * host running `product`; the old machines (and their firmware) go. One command, so one
 * undo brings the servers back. Refused, in words, when a chosen stack is not a valid
 * dedicated server. The new hosts are selected.
 */
export function consolidate(
  doc: DiagramDocument,
  args: ConsolidateArgs
): Outcome & { before?: number; after?: number } {
  const machines = machinesOf(doc, args.machines);
  if (machines.length === 0) return { error: 'Select the dedicated servers to consolidate.' };
  const product = args.product.trim();
  if (product === '') return { error: 'Choose the hypervisor the hosts run.' };
  const report = validate(doc);
  const stackOf = new Map(report.stacks.map((s) => [s.root, s]));
  const top = new Topology(doc);
  const label = (id: string) => top.node(top.index(id)).label || id;
  const notDedicated = machines.filter((m) => stackOf.get(m)?.classification !== 'dedicated');
  if (notDedicated.length)
    return {
      error: `Only valid dedicated servers can be consolidated; not ${notDedicated
        .map((m) => `"${label(m)}"`)
        .join(', ')}.`
    };
  // Each dedicated server's one OS, and what lies between it and the machine (firmware).
  const oses: string[] = [];
  const below = new Set<string>(machines);
  for (const m of machines) {
    const stack = stackOf.get(m)!;
    for (const id of stack.nodes) {
      const i = top.index(id);
      if (top.role[i] === OS) {
        oses.push(id);
        break;
      }
      below.add(id);
    }
  }
  const plan = planConsolidation(
    oses.map((id) => top.memory(top.index(id))),
    { hosts: args.hosts, hostMemoryGiB: args.hostMemoryGiB, ha: args.ha }
  );
  const lang = args.lang ?? 'en';
  const ids = idMaker(doc);
  const known = catalogEntryFor({ label: product })?.type === 1;
  const newNodes: DiagramNode[] = [];
  const newEdges: DiagramEdge[] = [];
  const hostOf = new Map<string, string>();
  const hosts: string[] = [];
  plan.assignment.forEach((guests, k) => {
    const hw: DiagramNode = {
      id: ids.node('hardware'),
      kind: 'hardware',
      label: `${defaultLabel('hardware', lang)} ${k + 1}`
    };
    if (args.hostCores !== undefined) hw.cores = args.hostCores;
    if (args.hostMemoryGiB !== undefined) hw.memoryGiB = args.hostMemoryGiB;
    const hv: DiagramNode = { id: ids.node('hypervisor'), kind: 'hypervisor', label: product };
    if (!known) hv.hypervisorType = 1;
    newNodes.push(hw, hv);
    newEdges.push({ id: ids.edge(), source: hw.id, target: hv.id });
    hosts.push(hw.id);
    for (const g of guests) hostOf.set(oses[g], hv.id);
  });
  const nodes = doc.nodes
    .filter((n) => !below.has(n.id))
    .map((n) => {
      if (!hostOf.has(n.id)) return n;
      const copy: DiagramNode = { ...n };
      delete copy.position;
      if (args.ha) copy.protection = 'ha';
      return copy;
    });
  const edges = doc.edges.filter((e) => !below.has(e.source) && !below.has(e.target));
  for (const os of oses) edges.push({ id: ids.edge(), source: hostOf.get(os)!, target: os });
  let next: DiagramDocument = {
    ...doc,
    nodes: [...nodes, ...newNodes],
    edges: [...edges, ...newEdges]
  };
  if (args.ha) {
    const made = createCluster(next, { members: hosts, lang });
    if (!isRefused(made)) next = made.doc;
  }
  return {
    doc: tidyReferences(next),
    select: hosts,
    before: machines.length,
    after: hosts.length
  };
}
