import { catalogEntryFor } from '../model/catalog';
import { compareIds } from '../model/ids';
import type { Cluster, DiagramDocument, DiagramNode } from '../model/types';
import {
  buildGraph,
  childrenOf,
  FIRMWARE,
  hostsOf,
  HYPERVISOR,
  OS,
  SERVICE,
  type StackGraph
} from '../rules/graph';

/**
 * What redundancy reasoning needs to know about a document (redundancy issue): which
 * machine each node stands on, which guest OS (VM) a service lives in, each machine's
 * hypervisor and the VMs it runs, memory, clusters and FT pairs. Built once per document
 * from the rules' graph; every walk is iterative and every list in natural id order.
 */
export class Topology {
  readonly g: StackGraph;
  /** Role of each node: its kind code, but firmware hypervisors count as hypervisors. */
  readonly role: Uint8Array;
  /** The machine (hardware root) each node stands on: its first one, -1 for none. */
  readonly rootOf: Int32Array;
  /** Clusters by member id. */
  readonly clusterOf = new Map<string, Cluster>();
  /** FT pairs: primary → replica ids, and replica → primary. */
  readonly replicaOf = new Map<string, string>();
  readonly replicasOf = new Map<string, string[]>();

  /** `g`: the document's graph when the caller has built it already (the rules engine). */
  constructor(
    readonly doc: DiagramDocument,
    g: StackGraph = buildGraph(doc)
  ) {
    this.g = g;
    const n = g.nodes.length;
    this.role = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const k = g.kind[i];
      this.role[i] = k === FIRMWARE && catalogEntryFor(g.nodes[i])?.firmware ? HYPERVISOR : k;
    }
    // Roots downward: a node's machine is its first host's machine (hosts in id order).
    this.rootOf = new Int32Array(n).fill(-1);
    const order: number[] = [];
    const seen = new Uint8Array(n);
    for (const r of g.roots) {
      this.rootOf[r] = r;
      seen[r] = 1;
      order.push(r);
    }
    for (let q = 0; q < order.length; q++) {
      const v = order[q];
      for (const c of childrenOf(g, v)) {
        if (seen[c]) continue;
        seen[c] = 1;
        this.rootOf[c] = this.rootOf[v];
        order.push(c);
      }
    }
    for (const c of doc.clusters ?? []) for (const m of c.members) this.clusterOf.set(m, c);
    for (const node of doc.nodes) {
      if (typeof node.replicaOf !== 'string' || node.kind !== 'os') continue;
      this.replicaOf.set(node.id, node.replicaOf);
      const list = this.replicasOf.get(node.replicaOf) ?? [];
      list.push(node.id);
      this.replicasOf.set(node.replicaOf, list.sort(compareIds));
    }
  }

  index(id: string): number {
    return this.g.index.get(id) ?? -1;
  }

  node(i: number): DiagramNode {
    return this.g.nodes[i];
  }

  id(i: number): string {
    return this.g.nodes[i].id;
  }

  /** An OS whose host is a hypervisor (a VM's OS). */
  isGuest(i: number): boolean {
    if (this.role[i] !== OS) return false;
    for (const h of hostsOf(this.g, i)) if (this.role[h] === HYPERVISOR) return true;
    return false;
  }

  /** A guest whose hypervisor runs on the machine itself, not inside another VM. */
  isFirstLevelGuest(i: number): boolean {
    if (!this.isGuest(i)) return false;
    for (const h of hostsOf(this.g, i))
      if (this.role[h] === HYPERVISOR) return this.vmOf(h) === undefined;
    return false;
  }

  /** What runs directly on node `i`. */
  children(i: number): Int32Array {
    return childrenOf(this.g, i);
  }

  /** The other copies of an FT VM (its primary and the primary's replicas), as indices. */
  copiesOf(i: number): number[] {
    const id = this.id(i);
    const primary = this.replicaOf.get(id) ?? id;
    const out: number[] = [];
    for (const c of [primary, ...(this.replicasOf.get(primary) ?? [])]) {
      const k = this.index(c);
      if (k >= 0 && k !== i) out.push(k);
    }
    return out;
  }

  /** The machine a node stands on, as an id (undefined when it stands on none). */
  machine(i: number): string | undefined {
    const r = this.rootOf[i];
    return r < 0 ? undefined : this.id(r);
  }

  /** The nearest guest OS under node `i` (itself included): the VM it lives in. */
  vmOf(i: number): number | undefined {
    let v = i;
    for (let steps = 0; steps < this.g.nodes.length; steps++) {
      if (this.isGuest(v)) return v;
      const hosts = hostsOf(this.g, v);
      if (hosts.length === 0) return undefined;
      v = hosts[0];
    }
    return undefined;
  }

  /** The hypervisor that runs VMs directly on a machine (Type 1), or on its host OS (Type 2). */
  hypervisorsOn(root: number): number[] {
    const out: number[] = [];
    const visit = (i: number, depth: number) => {
      for (const c of childrenOf(this.g, i)) {
        if (this.role[c] === HYPERVISOR) out.push(c);
        else if (depth < 2 && (this.g.kind[c] === FIRMWARE || this.role[c] === OS))
          visit(c, depth + 1);
      }
    };
    visit(root, 0);
    return out;
  }

  /** The host OS under a Type 2 hypervisor on this machine, if any (it keeps memory too). */
  hostOsOf(root: number): number | undefined {
    for (const hv of this.hypervisorsOn(root))
      for (const h of hostsOf(this.g, hv)) if (this.role[h] === OS) return h;
    return undefined;
  }

  /**
   * The OSes a machine runs on the metal (directly or on its firmware) with no hypervisor on
   * them: a dedicated server's OS.
   */
  dedicatedOsOf(root: number): number[] {
    const out: number[] = [];
    const visit = (i: number, depth: number) => {
      for (const c of childrenOf(this.g, i)) {
        if (this.role[c] === OS) {
          if (!childrenOf(this.g, c).some((k) => this.role[k] === HYPERVISOR)) out.push(c);
        } else if (depth < 1 && this.g.kind[c] === FIRMWARE && this.role[c] !== HYPERVISOR)
          visit(c, depth + 1);
      }
    };
    visit(root, 0);
    return [...new Set(out)];
  }

  /** The VMs a machine's hypervisors run directly (not nested ones). */
  guestsOn(root: number): number[] {
    const out: number[] = [];
    for (const hv of this.hypervisorsOn(root))
      for (const c of childrenOf(this.g, hv))
        if (this.role[c] === OS && this.rootOf[c] === root) out.push(c);
    return [...new Set(out)].sort((a, b) => compareIds(this.id(a), this.id(b)));
  }

  /** Memory (GiB) a node declares, or undefined. */
  memory(i: number): number | undefined {
    const m = this.node(i).memoryGiB;
    return typeof m === 'number' ? m : undefined;
  }

  /**
   * Memory a machine's VMs (and its host OS, for Type 2) take, in GiB; `known` is false when
   * one of them does not say. With `dedicated`, the OS of a dedicated server counts too
   * (what the machine is busy with; the `memory-overcommit` rule counts VMs and host OS only).
   */
  used(root: number, dedicated = false): { used: number; known: boolean } {
    let used = 0;
    let known = true;
    const parts = this.guestsOn(root);
    const hostOs = this.hostOsOf(root);
    if (hostOs !== undefined) parts.push(hostOs);
    if (dedicated) parts.push(...this.dedicatedOsOf(root));
    for (const p of parts) {
      const m = this.memory(p);
      if (m === undefined) known = false;
      else used += m;
    }
    return { used, known };
  }

  /** Service node indices, in document order. */
  services(): number[] {
    const out: number[] = [];
    for (let i = 0; i < this.g.nodes.length; i++) if (this.g.kind[i] === SERVICE) out.push(i);
    return out;
  }

  /** Machines (hardware roots), in document order (as the stacks stand). */
  machines(): number[] {
    return (this.machineList ??= [...this.g.roots].sort((a, b) => a - b));
  }
  private machineList?: number[];
}
