import { FailureSim, type SingleFailure } from '../analysis/failure';
import { Topology } from '../analysis/topology';
import { compareIds } from '../model/ids';
import type { DiagramDocument } from '../model/types';
import type { StackGraph } from './graph';
import type { Finding } from './types';

/**
 * The redundancy rules (redundancy issue, section 2; course notes 13.2.2–13.2.4): FT copies
 * on separate hardware, HA guests in an HA cluster, memory within a machine's and a
 * cluster's capacity, and single points of failure. What each failure does comes from the
 * failure analysis (`analysis/failure.ts`), so the rules and `stackdraw analyze` agree.
 *
 * - `ft-same-host`: an FT primary and its replica stand on the same machine.
 * - `ft-no-replica`: a guest OS with `protection: "ft"` that no node is a replica of
 *   (a replica is not asked for a replica of its own).
 * - `ha-no-cluster`: a guest OS with `protection: "ha"` whose machine is in no cluster, is
 *   alone in its cluster, or whose cluster does not have `ha: true`.
 * - `memory-overcommit`: a machine's guest OSes (and its host OS, for Type 2) take more
 *   memory than it has; only when every one of those numbers is given.
 * - `ha-no-failover-capacity`: in an HA cluster, one member failing leaves HA guests that
 *   the others' free memory cannot take (first fit, largest first); one finding per
 *   cluster, naming the members that cannot be covered.
 * - `single-point-of-failure`: one machine whose failure alone stops services for good
 *   (no HA restart, no FT copy); one finding per machine, listing those services.
 */
export function redundancyFindings(doc: DiagramDocument, g: StackGraph): Finding[] {
  const top = new Topology(doc, g);
  const out: Finding[] = [];
  const id = (i: number) => top.id(i);

  // FT pairs.
  for (const [replica, primary] of top.replicaOf) {
    const r = top.index(replica);
    const p = top.index(primary);
    if (r < 0 || p < 0) continue;
    const hw = top.rootOf[p];
    if (hw >= 0 && hw === top.rootOf[r])
      out.push({ key: 'ft-same-host', rule: 'ft-same-host', primary, replica, hw: id(hw) });
  }

  const n = top.g.nodes.length;
  for (let i = 0; i < n; i++) {
    const node = top.node(i);
    if (node.protection === undefined || !top.isGuest(i)) continue;
    if (node.protection === 'ft') {
      if (!top.replicaOf.has(node.id) && !top.replicasOf.has(node.id)) {
        const target = replicaTarget(top, i);
        out.push(
          target === undefined
            ? { key: 'ft-no-replica', rule: 'ft-no-replica', guest: node.id }
            : { key: 'ft-no-replica', rule: 'ft-no-replica', guest: node.id, target }
        );
      }
      continue;
    }
    const root = top.rootOf[i];
    if (root < 0) continue;
    const hw = id(root);
    const cluster = top.clusterOf.get(hw);
    if (!cluster) {
      out.push({ key: 'ha-no-cluster.none', rule: 'ha-no-cluster', guest: node.id, hw });
    } else if (cluster.members.length < 2) {
      out.push({
        key: 'ha-no-cluster.alone',
        rule: 'ha-no-cluster',
        guest: node.id,
        hw,
        cluster: cluster.id,
        clusterName: clusterName(cluster)
      });
    } else if (cluster.ha !== true) {
      out.push({
        key: 'ha-no-cluster.ha-off',
        rule: 'ha-no-cluster',
        guest: node.id,
        hw,
        cluster: cluster.id,
        clusterName: clusterName(cluster)
      });
    }
  }

  // Memory per machine.
  for (const m of top.machines()) {
    const capacity = top.memory(m);
    if (capacity === undefined) continue;
    const { used, known } = top.used(m);
    if (known && used > capacity && top.guestsOn(m).length > 0) {
      const hostOs = top.hostOsOf(m);
      const own = hostOs === undefined ? undefined : top.memory(hostOs);
      out.push({
        key: 'memory-overcommit',
        rule: 'memory-overcommit',
        hw: id(m),
        used,
        capacity,
        ...(own ? { hostOs: own } : {})
      });
    }
  }

  // Each machine failing alone.
  const singles = new FailureSim(top).singleFailures();
  const uncovered = new Map<string, string[]>();
  for (const s of singles) {
    if (s.stops.length)
      out.push({
        key: spofVariant(top, s),
        rule: 'single-point-of-failure',
        hw: s.machine,
        services: s.stops
      });
    if (s.unplaced.some((u) => u.reason === 'memory')) {
      const cluster = top.clusterOf.get(s.machine);
      if (cluster && cluster.ha === true) {
        const list = uncovered.get(cluster.id) ?? [];
        list.push(s.machine);
        uncovered.set(cluster.id, list);
      }
    }
  }
  for (const cluster of top.doc.clusters ?? []) {
    const members = uncovered.get(cluster.id);
    if (!members) continue;
    out.push({
      key: 'ha-no-failover-capacity',
      rule: 'ha-no-failover-capacity',
      cluster: cluster.id,
      clusterName: clusterName(cluster),
      members: members.sort(compareIds)
    });
  }
  return out;
}

/**
 * Where an FT copy of guest `i` clearly goes: the hypervisor of the one other machine that
 * runs VMs (in the guest's cluster when it has one). Undefined when there are none or several.
 */
export function replicaTarget(top: Topology, i: number): string | undefined {
  const root = top.rootOf[i];
  const cluster = root >= 0 ? top.clusterOf.get(top.id(root)) : undefined;
  const machines = cluster
    ? cluster.members.map((m) => top.index(m)).filter((m) => m >= 0)
    : top.machines();
  let found: number | undefined;
  for (const m of machines) {
    if (m === root) continue;
    const hv = top.hypervisorsOn(m)[0];
    if (hv === undefined) continue;
    if (found !== undefined) return undefined;
    found = hv;
  }
  return found === undefined ? undefined : top.id(found);
}

/** A cluster's name in messages: its label, or its id when the label is blank. */
export function clusterName(c: { id: string; label?: string }): string {
  const label = typeof c.label === 'string' ? c.label.trim() : '';
  return label === '' ? c.id : label;
}

/**
 * Why a machine's failure stops services for good, for the hint: no machine to move to
 * (`dedicated`), HA guests with no free memory elsewhere (`no-room`), an FT copy on this
 * same machine (`same-host`), or unprotected VMs (`host`).
 */
function spofVariant(
  top: Topology,
  s: SingleFailure
):
  | 'single-point-of-failure.dedicated'
  | 'single-point-of-failure.host'
  | 'single-point-of-failure.no-room'
  | 'single-point-of-failure.same-host' {
  const m = top.index(s.machine);
  if (top.hypervisorsOn(m).length === 0) return 'single-point-of-failure.dedicated';
  if (s.unplaced.some((u) => u.reason === 'memory')) return 'single-point-of-failure.no-room';
  for (const svc of s.stops) {
    const vm = top.vmOf(top.index(svc));
    if (vm === undefined) continue;
    const others = top.copiesOf(vm);
    if (others.length > 0 && others.every((c) => top.rootOf[c] === m))
      return 'single-point-of-failure.same-host';
  }
  return 'single-point-of-failure.host';
}
