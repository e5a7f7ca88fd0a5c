import { catalogEntryFor, declaredType } from '../model/catalog';
import { compareIds, sortIds } from '../model/ids';
import { isSystemKind } from '../model/kinds';
import type {
  DiagramDocument,
  DiagramNode,
  Expectation,
  HypervisorType,
  NodeKind
} from '../model/types';
import {
  buildGraph,
  childrenOf,
  findLoops,
  hostsOf,
  loopPath,
  reachableFrom,
  stackOrder,
  type StackGraph
} from './graph';
import { renderFinding } from './messages';
import {
  RULES,
  RULE_IDS,
  type Classification,
  type Diagnostic,
  type ExpectationProblem,
  type Finding,
  type Fix,
  type StackReport,
  type ValidateOptions,
  type ValidationReport
} from './types';

/** May a node of `kind` (declared type `declared`) run on a node of `hostKind`? */
export function allowedHost(
  kind: NodeKind,
  hostKind: NodeKind,
  declared?: HypervisorType
): boolean {
  switch (kind) {
    case 'hardware':
      return false;
    case 'firmware':
      return hostKind === 'hardware';
    case 'hypervisor':
      if (hostKind === 'hypervisor') return declared !== 2;
      return hostKind === 'hardware' || hostKind === 'firmware' || hostKind === 'os';
    case 'os':
      return hostKind === 'hardware' || hostKind === 'firmware' || hostKind === 'hypervisor';
    case 'service':
      return hostKind === 'os';
  }
}

/** Type by placement: on hardware, firmware or a hypervisor it is Type 1; on an OS, Type 2. */
function placementType(g: StackGraph, hv: string): HypervisorType | undefined {
  const host = hostsOf(g, hv)[0];
  if (host === undefined) return undefined;
  return g.byId.get(host)!.kind === 'os' ? 2 : 1;
}

/** Declared type, else placement: what "a Type N hypervisor" means for expectations. */
function effectiveType(g: StackGraph, hv: DiagramNode): HypervisorType | undefined {
  return declaredType(hv) ?? placementType(g, hv.id);
}

/** The OS or hypervisor nodes on a hardware node, directly or through its firmware. */
function systemsOn(g: StackGraph, hw: string): string[] {
  const found = new Set<string>();
  for (const c of childrenOf(g, hw)) {
    const kind = g.byId.get(c)!.kind;
    if (isSystemKind(kind)) found.add(c);
    else if (kind === 'firmware') {
      for (const cc of childrenOf(g, c)) if (isSystemKind(g.byId.get(cc)!.kind)) found.add(cc);
    }
  }
  return sortIds(found);
}

const ofKind = (g: StackGraph, ids: readonly string[], ...kinds: NodeKind[]) =>
  ids.filter((id) => kinds.includes(g.byId.get(id)!.kind));

/** Check one stack against its expectation; undefined when it is met. */
function checkExpectation(
  g: StackGraph,
  root: string,
  expect: Expectation,
  stack: readonly string[]
): ExpectationProblem | undefined {
  const systems = systemsOn(g, root);
  if (systems.length === 0) return { problem: 'nothing-installed' };
  if (systems.length > 1) return { problem: 'several-systems', systems };
  const sys = g.byId.get(systems[0])!;
  const guestsOf = (hv: string) => ofKind(g, childrenOf(g, hv), 'os');

  if (expect === 'type1') {
    if (sys.kind === 'os') {
      const hv = ofKind(g, childrenOf(g, sys.id), 'hypervisor')[0];
      return hv
        ? { problem: 'is-type2', hv, os: sys.id }
        : { problem: 'no-hypervisor', os: sys.id };
    }
    if (effectiveType(g, sys) === 2) return { problem: 'type2-on-hardware', hv: sys.id };
    if (guestsOf(sys.id).length === 0) return { problem: 'no-guest', hv: sys.id };
    return undefined;
  }
  if (expect === 'type2') {
    if (sys.kind === 'hypervisor') return { problem: 'hypervisor-on-hardware', hv: sys.id };
    const hvs = ofKind(g, childrenOf(g, sys.id), 'hypervisor');
    if (hvs.length === 0) return { problem: 'no-hypervisor', os: sys.id };
    const type2 = hvs.filter((hv) => effectiveType(g, g.byId.get(hv)!) === 2);
    if (type2.length === 0) return { problem: 'type1-on-os', hv: hvs[0], os: sys.id };
    if (!type2.some((hv) => guestsOf(hv).length > 0)) return { problem: 'no-guest', hv: type2[0] };
    return undefined;
  }
  // dedicated
  if (sys.kind === 'hypervisor') return { problem: 'hypervisor-on-hardware', hv: sys.id };
  const hv = stack.find((id) => g.byId.get(id)!.kind === 'hypervisor');
  return hv ? { problem: 'has-hypervisor', hv } : undefined;
}

/** The nodes a finding names, as the rules table says. */
function namedNodes(f: Finding): string[] {
  switch (f.rule) {
    case 'multiple-hosts':
    case 'unplaced':
    case 'invalid-host':
    case 'bypasses-firmware':
      return [f.node];
    case 'cycle':
      return f.members;
    case 'hardware-on-host':
    case 'idle-hardware':
      return [f.hw];
    case 'one-bare-metal-system':
      return [f.hw, ...f.systems];
    case 'one-firmware':
      return [f.hw, ...f.firmwares];
    case 'type-mismatch':
    case 'idle-hypervisor':
    case 'type-conflicts-catalog':
    case 'nested':
      return [f.hv];
    case 'expectation-unmet':
      return 'hv' in f ? [f.root, f.hv] : 'os' in f ? [f.root, f.os] : [f.root];
  }
}

/** A quick fix, where the fix is clear. */
function fixFor(g: StackGraph, f: Finding): Fix | undefined {
  const kind = (id: string) => g.byId.get(id)!.kind;
  switch (f.rule) {
    case 'type-mismatch':
      if (f.from === 'field' && f.entry && f.entry.type !== f.declared) {
        return { type: 'reset-hypervisor-type', hv: f.hv, to: f.entry.type };
      }
      if (f.declared === 2 && (kind(f.host) === 'hardware' || kind(f.host) === 'firmware')) {
        return { type: 'insert-host-os', hv: f.hv, host: f.host };
      }
      return undefined;
    case 'type-conflicts-catalog':
      return { type: 'reset-hypervisor-type', hv: f.hv, to: f.entry.type };
    case 'invalid-host':
      if (kind(f.node) === 'service' && kind(f.host) === 'hypervisor') {
        return { type: 'insert-guest-os', hv: f.host, service: f.node };
      }
      return undefined;
    case 'idle-hypervisor':
      return { type: 'add-guest-os', hv: f.hv };
    case 'one-bare-metal-system':
      if (f.systems.every((s) => kind(s) === 'os')) {
        return { type: 'insert-hypervisor', hw: f.hw, systems: f.systems };
      }
      return undefined;
    case 'bypasses-firmware':
      return { type: 'move-onto-firmware', node: f.node, hw: f.hw, fw: f.fw };
    default:
      return undefined;
  }
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;
const RULE_ORDER = new Map(RULE_IDS.map((r, i) => [r, i]));

/**
 * Check a document against the Type 1 / Type 2 rules. Pure: the same document and
 * options always give the same report, whatever the order of nodes and edges.
 */
export function validate(doc: DiagramDocument, options: ValidateOptions = {}): ValidationReport {
  const g = buildGraph(doc);
  const findings: Finding[] = [];
  const kind = (id: string) => g.byId.get(id)!.kind;

  // Loops.
  const loopMembers = new Set<string>();
  for (const component of findLoops(g)) {
    for (const id of component) loopMembers.add(id);
    findings.push({
      rule: 'cycle',
      members: sortIds(component),
      path: loopPath(g, component)
    });
  }

  // Everything standing on some hardware.
  const hardware = doc.nodes.filter((n) => n.kind === 'hardware').map((n) => n.id);
  const placed = reachableFrom(g, hardware);

  for (const node of doc.nodes) {
    const hosts = hostsOf(g, node.id);
    if (hosts.length > 1)
      findings.push({ rule: 'multiple-hosts', node: node.id, hosts: [...hosts] });

    if (node.kind === 'hardware') {
      if (hosts.length > 0)
        findings.push({ rule: 'hardware-on-host', hw: node.id, host: hosts[0] });
      const kids = childrenOf(g, node.id);
      const firmwares = ofKind(g, kids, 'firmware');
      if (firmwares.length > 1) findings.push({ rule: 'one-firmware', hw: node.id, firmwares });
      if (firmwares.length > 0) {
        for (const c of ofKind(g, kids, 'os', 'hypervisor')) {
          findings.push({ rule: 'bypasses-firmware', node: c, hw: node.id, fw: firmwares[0] });
        }
      }
      continue;
    }

    if (hosts.length === 0) {
      // The top of a broken chain: list what runs on it, equally unplaced.
      const above = reachableFrom(g, [node.id], (id) => placed.has(id));
      above.delete(node.id);
      findings.push({ rule: 'unplaced', node: node.id, above: sortIds(above) });
    }

    const declared = declaredType(node);
    for (const host of hosts) {
      const hostKind = kind(host);
      if (!allowedHost(node.kind, hostKind, declared)) {
        findings.push({ rule: 'invalid-host', node: node.id, host });
      }
      if (node.kind !== 'hypervisor') continue;
      if (
        (declared === 1 && hostKind === 'os') ||
        (declared === 2 &&
          (hostKind === 'hardware' || hostKind === 'firmware' || hostKind === 'hypervisor'))
      ) {
        const from = node.hypervisorType === declared ? 'field' : 'catalog';
        findings.push({
          rule: 'type-mismatch',
          hv: node.id,
          host,
          declared: declared!,
          from,
          entry: catalogEntryFor(node)
        });
      }
      if (hostKind === 'hypervisor') {
        findings.push({ rule: 'nested', hv: node.id, host });
      } else if (hostKind === 'os') {
        const outer = hostsOf(g, host).find((h) => kind(h) === 'hypervisor');
        if (outer !== undefined) findings.push({ rule: 'nested', hv: node.id, host, outer });
      }
    }

    if (node.kind === 'hypervisor') {
      if (ofKind(g, childrenOf(g, node.id), 'os', 'hypervisor').length === 0) {
        findings.push({ rule: 'idle-hypervisor', hv: node.id });
      }
      if (node.hypervisorType === 1 || node.hypervisorType === 2) {
        const entry = catalogEntryFor(node);
        if (entry && entry.type !== node.hypervisorType) {
          findings.push({
            rule: 'type-conflicts-catalog',
            hv: node.id,
            declared: node.hypervisorType,
            entry
          });
        }
      }
    }
  }

  // Roots and their stacks.
  const stackLists = g.roots.map((root) => stackOrder(g, root));
  g.roots.forEach((root) => {
    const systems = systemsOn(g, root);
    if (systems.length > 1) findings.push({ rule: 'one-bare-metal-system', hw: root, systems });
    if (systems.length === 0) findings.push({ rule: 'idle-hardware', hw: root });
  });

  const errorNamed = new Set<string>();
  const nestedNamed = new Set<string>();
  for (const f of findings) {
    if (RULES[f.rule] === 'error') for (const id of namedNodes(f)) errorNamed.add(id);
    if (f.rule === 'nested') nestedNamed.add(f.hv);
  }

  const stacks: StackReport[] = g.roots.map((root, i) => {
    const members = stackLists[i];
    const classification = classify(g, root, members, errorNamed);
    const report: StackReport = {
      root,
      classification,
      nested: members.some((id) => nestedNamed.has(id)),
      nodes: members
    };
    const rootExpect = g.byId.get(root)!.expect;
    const expect = rootExpect ?? options.expect;
    if (expect) {
      const problem = checkExpectation(g, root, expect, members);
      report.expect = expect;
      report.expectationMet = problem === undefined;
      if (problem) findings.push({ rule: 'expectation-unmet', root, expect, ...problem });
    }
    return report;
  });

  const lang = options.lang ?? 'en';
  const diagnostics: Diagnostic[] = findings.map((finding) => {
    const { message, hint } = renderFinding(finding, g.byId, lang);
    const d: Diagnostic = {
      rule: finding.rule,
      severity: RULES[finding.rule],
      nodes: namedNodes(finding),
      message,
      finding
    };
    if (hint) d.hint = hint;
    const fix = fixFor(g, finding);
    if (fix) d.fix = fix;
    return d;
  });
  diagnostics.sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      RULE_ORDER.get(a.rule)! - RULE_ORDER.get(b.rule)! ||
      compareIdLists(a.nodes, b.nodes) ||
      (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
  );

  return {
    valid: !diagnostics.some((d) => d.severity === 'error'),
    stacks,
    diagnostics
  };
}

function compareIdLists(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < a.length && i < b.length; i++) {
    const c = compareIds(a[i], b[i]);
    if (c) return c;
  }
  return a.length - b.length;
}

function classify(
  g: StackGraph,
  root: string,
  members: readonly string[],
  errorNamed: ReadonlySet<string>
): Classification {
  for (const id of members) if (errorNamed.has(id)) return 'invalid';
  const systems = systemsOn(g, root);
  if (systems.length === 0) return 'incomplete';
  const sys = g.byId.get(systems[0])!;
  if (sys.kind === 'hypervisor') return 'type1';
  if (ofKind(g, childrenOf(g, sys.id), 'hypervisor').length > 0) return 'type2';
  return 'dedicated';
}
