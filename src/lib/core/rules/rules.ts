import type { NodeKind } from '../model/kinds';
import type { Finding, FindingOf, Fix, RuleId, Severity } from './types';

/**
 * The rules, one record each: severity, the nodes a finding names, whether the canvas and
 * the export mark the host edge of the first named node as offending, and the quick fix
 * where one is clear. The order of this table is the order of the problems list within a
 * severity. When each rule fires is the engine's job (`validate.ts`); its words are the
 * message catalogs' (`messages/`).
 *
 * Sources: the first rules issue (rule table, allowed hosts, classification), rules issue
 * v2 (catalog, containers, KVM-family hosts, firmware hypervisors, new rules).
 */
export interface RuleRecord<R extends RuleId> {
  severity: Severity;
  /** Edges into the first named node are drawn dashed red (canvas and export). */
  marksHostEdge: boolean;
  /** The node ids a finding names, in the order shown. */
  names(f: FindingOf<R>): string[];
  /** A quick fix, where the change to make is clear. */
  fix?(f: FindingOf<R>, kindOf: (id: string) => NodeKind | undefined): Fix | undefined;
}

export type RulesTable = { readonly [R in RuleId]: RuleRecord<R> };

export const RULES: RulesTable = {
  'multiple-hosts': { severity: 'error', marksHostEdge: true, names: (f) => [f.node] },
  cycle: { severity: 'error', marksHostEdge: true, names: (f) => f.members },
  'hardware-on-host': { severity: 'error', marksHostEdge: true, names: (f) => [f.hw] },
  unplaced: { severity: 'error', marksHostEdge: false, names: (f) => [f.node] },
  'invalid-host': {
    severity: 'error',
    marksHostEdge: true,
    names: (f) => [f.node],
    fix(f, kindOf) {
      switch (f.key) {
        case 'invalid-host.service-on-hypervisor':
        case 'invalid-host.service-on-esxi':
          return { type: 'insert-guest-os', hv: f.host, node: f.node };
        case 'invalid-host.container-needs-os':
          return kindOf(f.host) === 'hypervisor'
            ? { type: 'insert-guest-os', hv: f.host, node: f.node }
            : undefined;
        case 'invalid-host.os-on-hypervisor-product':
          return { type: 'set-kind', node: f.host, kind: 'hypervisor' };
        default:
          return undefined;
      }
    }
  },
  'one-bare-metal-system': {
    severity: 'error',
    marksHostEdge: false,
    names: (f) => [f.hw, ...f.systems],
    fix: (f) =>
      f.key === 'one-bare-metal-system.oses'
        ? { type: 'insert-hypervisor', hw: f.hw, systems: f.systems }
        : undefined
  },
  'type-mismatch': {
    severity: 'error',
    marksHostEdge: true,
    names: (f) => [f.hv],
    fix(f) {
      // The learner's own type contradicts the catalog: going back to it is the fix.
      if (f.from === 'field' && f.catalogType !== undefined && f.catalogType !== f.declared)
        return { type: 'reset-hypervisor-type', hv: f.hv, to: f.catalogType };
      if (f.key === 'type-mismatch.type2-on-bare')
        return { type: 'insert-host-os', hv: f.hv, host: f.host };
      if (f.key === 'type-mismatch.type1-on-os')
        return f.family === 'kvm'
          ? { type: 'merge-into-host', hv: f.hv, os: f.host }
          : { type: 'swap-with-host', hv: f.hv, os: f.host };
      return undefined;
    }
  },
  'not-a-hypervisor': {
    severity: 'error',
    marksHostEdge: false,
    names: (f) => [f.node],
    fix(f, kindOf) {
      if (f.host === undefined || kindOf(f.host) !== 'os') return undefined;
      if (f.key === 'not-a-hypervisor.container-engine')
        return { type: 'redraw-container-engine', node: f.node, host: f.host };
      if (f.key === 'not-a-hypervisor.management' && !f.carries)
        return { type: 'set-kind', node: f.node, kind: 'service' };
      return undefined;
    }
  },
  'expectation-unmet': {
    severity: 'error',
    marksHostEdge: false,
    names: (f) => ('hv' in f ? [f.root, f.hv] : 'os' in f ? [f.root, f.os] : [f.root])
  },
  'one-firmware': {
    severity: 'warning',
    marksHostEdge: false,
    names: (f) => [f.hw, ...f.firmwares]
  },
  'bypasses-firmware': {
    severity: 'warning',
    marksHostEdge: false,
    names: (f) => [f.node],
    fix: (f) => ({ type: 'move-onto-firmware', node: f.node, hw: f.hw, fw: f.fw })
  },
  'idle-hypervisor': {
    severity: 'warning',
    marksHostEdge: false,
    names: (f) => [f.hv],
    fix: (f) => ({ type: 'add-guest-os', hv: f.hv })
  },
  'idle-hardware': { severity: 'warning', marksHostEdge: false, names: (f) => [f.hw] },
  'type-conflicts-catalog': {
    severity: 'warning',
    marksHostEdge: false,
    names: (f) => [f.hv],
    fix: (f) => ({ type: 'reset-hypervisor-type', hv: f.hv, to: f.catalogType })
  },
  nested: { severity: 'info', marksHostEdge: false, names: (f) => [f.hv] },
  'uncatalogued-hypervisor': { severity: 'info', marksHostEdge: false, names: (f) => [f.hv] },
  'cloud-instance': { severity: 'info', marksHostEdge: false, names: (f) => [f.hw] },
  // Redundancy (redundancy issue, section 2; course notes 13.2.2–13.2.4).
  'ft-same-host': {
    severity: 'error',
    marksHostEdge: false,
    names: (f) => [f.primary, f.replica, f.hw]
  },
  'ft-no-replica': {
    severity: 'warning',
    marksHostEdge: false,
    names: (f) => [f.guest],
    fix: (f) =>
      f.target !== undefined ? { type: 'add-ft-replica', guest: f.guest, hv: f.target } : undefined
  },
  'ha-no-cluster': {
    severity: 'warning',
    marksHostEdge: false,
    names: (f) => [f.guest],
    fix: (f) =>
      f.key === 'ha-no-cluster.ha-off' ? { type: 'enable-ha', cluster: f.cluster } : undefined
  },
  'memory-overcommit': { severity: 'warning', marksHostEdge: false, names: (f) => [f.hw] },
  'ha-no-failover-capacity': {
    severity: 'warning',
    marksHostEdge: false,
    names: (f) => f.members
  },
  'single-point-of-failure': { severity: 'info', marksHostEdge: false, names: (f) => [f.hw] }
};

export const RULE_IDS = Object.keys(RULES) as RuleId[];

/** The severity of a rule. */
export const severityOf = (rule: RuleId): Severity => RULES[rule].severity;

/** The nodes a finding names, as its rule's record says. */
export function namedNodes(f: Finding): string[] {
  return (RULES[f.rule] as RuleRecord<RuleId>).names(f as never);
}

/** The quick fix for a finding, if its rule's record has a clear one. */
export function fixFor(f: Finding, kindOf: (id: string) => NodeKind | undefined): Fix | undefined {
  return (RULES[f.rule] as RuleRecord<RuleId>).fix?.(f as never, kindOf);
}
