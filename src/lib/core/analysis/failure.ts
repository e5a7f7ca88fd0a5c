import { compareIds } from '../model/ids';
import type { DiagramDocument } from '../model/types';
import { hostsOf, OS, SERVICE } from '../rules/graph';
import { Topology } from './topology';

/**
 * Failure analysis (redundancy issue, section 3; course notes 13.2.2–13.2.4): what stops
 * when some nodes fail, which HA guests restart where, which FT guests continue on their
 * copy, and what each machine's failure alone would stop for good. Pure: the document is
 * not changed. The editor's "What if … fails?" mode, the `single-point-of-failure` and
 * `ha-no-failover-capacity` rules and `stackdraw analyze` all read this one model.
 *
 * The model:
 * - A failed node stops, and so does everything that runs on it, transitively.
 * - A guest OS (VM) that stopped because something under it stopped (its hypervisor or
 *   machine) and has `protection: "ha"` is restarted on another member of its machine's
 *   cluster, when that cluster has `ha: true`: on a running member with a running
 *   hypervisor and free memory. Guests are placed largest first (memory, then id), each on
 *   the first member that fits, in the cluster's member order. A machine without
 *   `memoryGiB` has room for anything; a guest without `memoryGiB` needs none. A guest
 *   that is itself failed is not restarted.
 * - A primary and its replicas (`replicaOf`) are copies of one lockstep (FT) VM: while one
 *   copy runs, the services of a stopped copy continue on it with no interruption.
 * - A VM nested inside another VM moves with it (restarts or continues with it).
 * - A service is `running` (not stopped), `restarted` (its VM restarted elsewhere),
 *   `continues` (on an FT copy) or `down`. Something failing inside the VM (the service
 *   itself, its container) is not helped by HA or FT.
 */

export type ServiceState = 'running' | 'restarted' | 'continues' | 'down';

export interface ServiceOutcome {
  /** The service node's id. */
  id: string;
  state: ServiceState;
  /** The machine (hardware root id) it runs on afterwards; absent when `down`. */
  on?: string;
  /**
   * The service runs inside an FT secondary (a `replicaOf` copy whose primary exists): it is
   * the lockstep mirror of the primary's service, so lists of services show the primary's
   * alone (the JSON of `analyze` keeps every service node).
   */
  mirror?: true;
}

/** An HA guest restarted on another machine. */
export interface Restart {
  guest: string;
  /** The machine it ran on. */
  from: string;
  /** The machine it restarts on, and the hypervisor there. */
  to: string;
  hypervisor: string;
}

/** A stopped FT copy whose work continues on a running copy. */
export interface Continuation {
  guest: string;
  /** The running copy, and its machine. */
  copy: string;
  on: string;
}

/** An HA guest that found no member to restart on, and why. */
export interface Unplaced {
  guest: string;
  /** `memory`: members with a hypervisor run, but none has the free memory. `no-host`:
   * no other running member with a running hypervisor (or HA is off, or no cluster). */
  reason: 'memory' | 'no-host';
}

/** Memory use of one machine, GiB. */
export interface HostMemory {
  /** The machine's id. */
  id: string;
  /** Its `memoryGiB`, when given. */
  capacityGiB?: number;
  /** What its guest OSes (and its host OS, for Type 2) take, of those that say. */
  usedGiB: number;
  /** Every one of them says how much it takes. */
  known: boolean;
}

/** The consolidation figures of a document. */
export interface Figures {
  /** Physical machines: hardware roots. */
  machines: number;
  /** Guest OSes (VMs), FT copies included. */
  guests: number;
  /** Service nodes. */
  services: number;
  /** services / machines (0 without machines). */
  servicesPerMachine: number;
}

export interface FailureOutcome {
  /** The failed ids, in the order given, each once. */
  failed: string[];
  /** Every node that stops (failed or above a failed node), in id order. */
  stopped: string[];
  /**
   * Every service, in document order, but those standing on no hardware (they run nowhere,
   * so `on` is set for every state but `down`).
   */
  services: ServiceOutcome[];
  restarts: Restart[];
  continuations: Continuation[];
  unplaced: Unplaced[];
}

export interface Analysis extends FailureOutcome {
  figures: Figures;
  /** For each machine (document order): the services that stop for good if it alone fails. */
  hardware: { id: string; stops: string[] }[];
  memory: HostMemory[];
}

/** The consolidation figures (machines, guest OSes, services, services per machine). */
export function figuresOf(top: Topology): Figures {
  const machines = top.machines().length;
  let guests = 0;
  for (let i = 0; i < top.g.nodes.length; i++) if (top.isGuest(i)) guests++;
  const services = top.services().length;
  return { machines, guests, services, servicesPerMachine: machines ? services / machines : 0 };
}

/** Memory use per machine (its VMs, host OS or dedicated OS), in document order. */
export function memoryOf(top: Topology): HostMemory[] {
  return top.machines().map((m) => {
    const { used, known } = top.used(m, true);
    const out: HostMemory = { id: top.id(m), usedGiB: used, known };
    const cap = top.memory(m);
    if (cap !== undefined) out.capacityGiB = cap;
    return out;
  });
}

/**
 * Unknown ids among `failed` (they are refused: the CLI exits 2, the editor never asks).
 * Cluster ids are not nodes and are unknown here.
 */
export function unknownIds(doc: DiagramDocument, failed: readonly string[]): string[] {
  const ids = new Set(doc.nodes.map((n) => n.id));
  return failed.filter((id) => !ids.has(id));
}

/**
 * `analyze(doc, failed)`: the figures, memory per machine, what each machine's failure
 * alone stops, and what happens when the nodes `failed` (ids) fail together. Failing
 * nothing stops nothing. Throws a RangeError naming the first id that is no node's.
 */
export function analyze(
  doc: DiagramDocument,
  failed: readonly string[] = [],
  top: Topology = new Topology(doc)
): Analysis {
  const missing = unknownIds(doc, failed);
  if (missing.length) throw new RangeError(`no node has the id ${JSON.stringify(missing[0])}`);
  const sim = new FailureSim(top);
  const outcome = sim.fail([...new Set(failed)].map((id) => top.index(id)));
  return {
    figures: figuresOf(top),
    ...outcome,
    hardware: sim.singleFailures().map(({ machine, stops }) => ({ id: machine, stops })),
    memory: memoryOf(top)
  };
}

/**
 * What happens when the nodes `failed` (ids) fail together, without the per-machine figures
 * of `analyze` (the failure view needs only this). Throws a RangeError naming the first id
 * that is no node's.
 */
export function failureOutcome(
  doc: DiagramDocument,
  failed: readonly string[],
  top: Topology = new Topology(doc)
): FailureOutcome {
  const missing = unknownIds(doc, failed);
  if (missing.length) throw new RangeError(`no node has the id ${JSON.stringify(missing[0])}`);
  return new FailureSim(top).fail([...new Set(failed)].map((id) => top.index(id)));
}

/** One machine's failure alone: what stops for good, and the HA guests with no room. */
export interface SingleFailure {
  machine: string;
  stops: string[];
  unplaced: Unplaced[];
}

/**
 * The simulation. Stopped marks are stamped (`stamp[i] === mark`) so that failing each
 * machine in turn costs the size of its own stack, not the document's.
 */
export class FailureSim {
  private readonly stamp: Int32Array;
  private readonly failedStamp: Int32Array;
  private mark = 0;

  constructor(readonly top: Topology) {
    const n = top.g.nodes.length;
    this.stamp = new Int32Array(n).fill(-1);
    this.failedStamp = new Int32Array(n).fill(-1);
  }

  /** Fail the nodes (indices) together. */
  fail(failed: readonly number[]): FailureOutcome {
    const top = this.top;
    const stoppedList = this.stop(failed);
    const services: ServiceOutcome[] = [];
    for (const s of top.services()) {
      const out = this.serviceOutcome(s);
      // Standing on no hardware (an OS with nothing under it), a service runs nowhere:
      // there is no machine to name, and no failure of one can touch it.
      if (out.state !== 'down' && out.on === undefined) continue;
      const vm = top.vmOf(s);
      const primary = vm === undefined ? undefined : top.replicaOf.get(top.id(vm));
      services.push(
        primary !== undefined && top.index(primary) >= 0 ? { ...out, mirror: true as const } : out
      );
    }
    return {
      failed: failed.map((i) => top.id(i)),
      stopped: stoppedList.map((i) => top.id(i)).sort(compareIds),
      services,
      restarts: [...this.restarts.values()].sort((a, b) => compareIds(a.guest, b.guest)),
      continuations: this.continuationsOf(stoppedList),
      unplaced: [...this.unplaced.values()].sort((a, b) => compareIds(a.guest, b.guest))
    };
  }

  /** Each machine failing alone (document order): the services that stop for good. */
  singleFailures(): SingleFailure[] {
    const top = this.top;
    return top.machines().map((m) => {
      const stopped = this.stop([m]);
      const stops: string[] = [];
      for (const i of stopped) {
        if (top.g.kind[i] !== SERVICE) continue;
        if (this.serviceOutcome(i).state === 'down') stops.push(top.id(i));
      }
      return {
        machine: top.id(m),
        stops: stops.sort(compareIds),
        unplaced: [...this.unplaced.values()].sort((a, b) => compareIds(a.guest, b.guest))
      };
    });
  }

  // ── One run ────────────────────────────────────────────────────────────────────────

  private restarts = new Map<number, Restart>();
  private unplaced = new Map<number, Unplaced>();
  private vmMemo = new Map<number, ServiceOutcome>();

  private stopped(i: number): boolean {
    return this.stamp[i] === this.mark;
  }

  private isFailed(i: number): boolean {
    return this.failedStamp[i] === this.mark;
  }

  /** Mark what stops; place the HA restarts. Returns the stopped nodes. */
  private stop(failed: readonly number[]): number[] {
    const top = this.top;
    const mark = ++this.mark;
    this.restarts = new Map();
    this.unplaced = new Map();
    this.vmMemo = new Map();
    const list: number[] = [];
    for (const f of failed) {
      this.failedStamp[f] = mark;
      if (this.stamp[f] !== mark) {
        this.stamp[f] = mark;
        list.push(f);
      }
    }
    for (let q = 0; q < list.length; q++) {
      for (const c of top.children(list[q])) {
        if (this.stamp[c] !== mark) {
          this.stamp[c] = mark;
          list.push(c);
        }
      }
    }
    this.placeRestarts(list);
    return list;
  }

  /**
   * HA: every stopped first-level guest with `protection: "ha"` that did not itself fail,
   * on a machine of an HA cluster, restarts on another running member (first fit,
   * largest first).
   */
  private placeRestarts(stoppedList: readonly number[]): void {
    const top = this.top;
    const waiting: number[] = [];
    for (const i of stoppedList) {
      if (top.node(i).protection !== 'ha' || this.isFailed(i)) continue;
      if (!top.isFirstLevelGuest(i)) continue;
      waiting.push(i);
    }
    if (waiting.length === 0) return;
    const need = (i: number) => top.memory(i) ?? 0;
    waiting.sort((a, b) => need(b) - need(a) || compareIds(top.id(a), top.id(b)));
    const free = new Map<number, number>();
    const freeOf = (m: number): number => {
      let f = free.get(m);
      if (f === undefined) {
        const cap = top.memory(m);
        f = cap === undefined ? Infinity : cap - this.runningUse(m);
        free.set(m, f);
      }
      return f;
    };
    for (const g of waiting) {
      const root = top.rootOf[g];
      const cluster = top.clusterOf.get(top.id(root));
      let placed = false;
      let anyHost = false;
      if (cluster && cluster.ha === true) {
        for (const memberId of cluster.members) {
          const m = top.index(memberId);
          if (m < 0 || m === root || this.stopped(m)) continue;
          const hv = this.runningHypervisor(m);
          if (hv === undefined) continue;
          anyHost = true;
          const f = freeOf(m);
          if (f < need(g)) continue;
          free.set(m, f - need(g));
          this.restarts.set(g, {
            guest: top.id(g),
            from: top.id(root),
            to: memberId,
            hypervisor: top.id(hv)
          });
          placed = true;
          break;
        }
      }
      if (!placed)
        this.unplaced.set(g, { guest: top.id(g), reason: anyHost ? 'memory' : 'no-host' });
    }
  }

  /** Memory the running guests (and host OS) of a machine take, GiB (unknown counts 0). */
  private runningUse(m: number): number {
    const top = this.top;
    let used = 0;
    for (const g of top.guestsOn(m)) if (!this.stopped(g)) used += top.memory(g) ?? 0;
    const hostOs = top.hostOsOf(m);
    if (hostOs !== undefined && !this.stopped(hostOs)) used += top.memory(hostOs) ?? 0;
    return used;
  }

  /** The first running hypervisor on a machine that runs VMs, if any. */
  private runningHypervisor(m: number): number | undefined {
    for (const hv of this.top.hypervisorsOn(m)) if (!this.stopped(hv)) return hv;
    return undefined;
  }

  /** The first running FT copy of guest `v` (primary or replica), if any. */
  private runningCopy(v: number): number | undefined {
    const top = this.top;
    for (const c of top.copiesOf(v)) if (!this.stopped(c)) return c;
    return undefined;
  }

  private serviceOutcome(s: number): ServiceOutcome {
    const top = this.top;
    const id = top.id(s);
    if (!this.stopped(s)) {
      const on = top.machine(s);
      return on === undefined ? { id, state: 'running' } : { id, state: 'running', on };
    }
    const vm = top.vmOf(s);
    // A failure between the service and its VM (the service itself, its container) is
    // not one HA or FT protects from.
    if (vm === undefined || this.failedOnPath(s, vm)) return { id, state: 'down' };
    return { ...this.vmOutcome(vm), id };
  }

  /** Did a node on the host path from `from` down to `to` (not `to` itself) fail? */
  private failedOnPath(from: number, to: number): boolean {
    const top = this.top;
    let v = from;
    for (let steps = 0; steps <= top.g.nodes.length && v !== to; steps++) {
      if (this.isFailed(v)) return true;
      const hosts = hostsOf(top.g, v);
      if (hosts.length === 0) return false;
      v = hosts[0];
    }
    return false;
  }

  /** What becomes of a stopped VM's work: continues on a copy, restarted, or down. */
  private vmOutcome(v: number): ServiceOutcome {
    const memo = this.vmMemo.get(v);
    if (memo) return memo;
    const top = this.top;
    let out: ServiceOutcome = { id: top.id(v), state: 'down' };
    if (!this.stopped(v)) {
      const on = top.machine(v);
      out =
        on === undefined
          ? { id: top.id(v), state: 'running' }
          : { id: top.id(v), state: 'running', on };
    } else {
      const copy = this.runningCopy(v);
      const restart = this.restarts.get(v);
      if (copy !== undefined) {
        const on = top.machine(copy);
        out =
          on === undefined
            ? { id: top.id(v), state: 'continues' }
            : { id: top.id(v), state: 'continues', on };
      } else if (restart) {
        out = { id: top.id(v), state: 'restarted', on: restart.to };
      } else if (!this.isFailed(v)) {
        // A nested VM moves with the VM it runs in.
        const hosts = hostsOf(top.g, v);
        const outer = hosts.length ? top.vmOf(hosts[0]) : undefined;
        if (outer !== undefined && outer !== v && !this.failedOnPath(hosts[0], outer)) {
          const o = this.vmOutcome(outer);
          out = { ...o, id: top.id(v) };
        }
      }
    }
    this.vmMemo.set(v, out);
    return out;
  }

  private continuationsOf(stoppedList: readonly number[]): Continuation[] {
    const top = this.top;
    const out: Continuation[] = [];
    for (const v of stoppedList) {
      if (top.role[v] !== OS || top.copiesOf(v).length === 0) continue;
      // A stopped secondary whose primary still runs: the primary just goes on.
      const primary = top.replicaOf.get(top.id(v));
      if (primary !== undefined && top.index(primary) >= 0 && !this.stopped(top.index(primary)))
        continue;
      const copy = this.runningCopy(v);
      if (copy === undefined) continue;
      const on = top.machine(copy);
      if (on !== undefined) out.push({ guest: top.id(v), copy: top.id(copy), on });
    }
    return out.sort((a, b) => compareIds(a.guest, b.guest));
  }
}
