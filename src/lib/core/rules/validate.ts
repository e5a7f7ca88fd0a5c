import { catalogEntryFor, type CatalogEntry } from '../model/catalog';
import { compareIds } from '../model/ids';
import type { DiagramDocument, Expectation, HypervisorType, NodeKind } from '../model/types';
import {
  buildGraph,
  childrenOf,
  findLoops,
  FIRMWARE,
  HARDWARE,
  hostCount,
  hostsOf,
  HYPERVISOR,
  idOf,
  KIND_CODE,
  loopPath,
  OS,
  reach,
  sortedIds,
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
  return allowedCode(KIND_CODE[kind], KIND_CODE[hostKind], declared);
}

function allowedCode(kind: number, host: number, declared?: HypervisorType): boolean {
  switch (kind) {
    case HARDWARE:
      return false;
    case FIRMWARE:
      return host === HARDWARE;
    case HYPERVISOR:
      if (host === HYPERVISOR) return declared !== 2;
      return host === HARDWARE || host === FIRMWARE || host === OS;
    case OS:
      return host === HARDWARE || host === FIRMWARE || host === HYPERVISOR;
    default:
      return host === OS;
  }
}

const isSystem = (code: number) => code === OS || code === HYPERVISOR;

/**
 * Per-run facts about hypervisors: the catalog entry and the declared type of each, looked
 * up once per distinct (product, label) pair.
 */
class Catalog {
  private memo = new Map<string, CatalogEntry | null>();
  constructor(private g: StackGraph) {}
  entry(i: number): CatalogEntry | undefined {
    const n = this.g.nodes[i];
    const key = `${typeof n.product === 'string' ? n.product : ''}\u0000${n.label}`;
    let e = this.memo.get(key);
    if (e === undefined) {
      e = catalogEntryFor(n) ?? null;
      this.memo.set(key, e);
    }
    return e ?? undefined;
  }
  /** `hypervisorType` when set, else the catalog's (hypervisors only). */
  declared(i: number): HypervisorType | undefined {
    if (this.g.kind[i] !== HYPERVISOR) return undefined;
    const t = this.g.nodes[i].hypervisorType;
    if (t === 1 || t === 2) return t;
    return this.entry(i)?.type;
  }
  /** Declared type, else placement: what "a Type N hypervisor" means for expectations. */
  effective(i: number): HypervisorType | undefined {
    const d = this.declared(i);
    if (d !== undefined) return d;
    if (hostCount(this.g, i) === 0) return undefined;
    return this.g.kind[hostsOf(this.g, i)[0]] === OS ? 2 : 1;
  }
}

/** The OS or hypervisor nodes on a hardware node, directly or through its firmware. */
function systemsOn(g: StackGraph, hw: number): number[] {
  const found: number[] = [];
  for (const c of childrenOf(g, hw)) {
    if (isSystem(g.kind[c])) found.push(c);
    else if (g.kind[c] === FIRMWARE) {
      for (const cc of childrenOf(g, c)) if (isSystem(g.kind[cc])) found.push(cc);
    }
  }
  if (found.length < 2) return found;
  // Unique, in id order.
  return [...new Set(found)].sort((a, b) => compareIds(idOf(g, a), idOf(g, b)));
}

const childrenOfKind = (g: StackGraph, i: number, kind: number) =>
  Array.from(childrenOf(g, i)).filter((c) => g.kind[c] === kind);

/** Check one stack against its expectation; undefined when it is met. */
function checkExpectation(
  g: StackGraph,
  cat: Catalog,
  root: number,
  expect: Expectation,
  stack: readonly number[]
): ExpectationProblem | undefined {
  const systems = systemsOn(g, root);
  if (systems.length === 0) return { problem: 'nothing-installed' };
  if (systems.length > 1)
    return { problem: 'several-systems', systems: systems.map((i) => idOf(g, i)) };
  const sys = systems[0];
  const id = (i: number) => idOf(g, i);
  const guests = (hv: number) => childrenOfKind(g, hv, OS);

  if (expect === 'type1') {
    if (g.kind[sys] === OS) {
      const hv = childrenOfKind(g, sys, HYPERVISOR)[0];
      return hv !== undefined
        ? { problem: 'is-type2', hv: id(hv), os: id(sys) }
        : { problem: 'no-hypervisor', os: id(sys) };
    }
    if (cat.effective(sys) === 2) return { problem: 'type2-on-hardware', hv: id(sys) };
    if (guests(sys).length === 0) return { problem: 'no-guest', hv: id(sys) };
    return undefined;
  }
  if (expect === 'type2') {
    if (g.kind[sys] === HYPERVISOR) return { problem: 'hypervisor-on-hardware', hv: id(sys) };
    const hvs = childrenOfKind(g, sys, HYPERVISOR);
    if (hvs.length === 0) return { problem: 'no-hypervisor', os: id(sys) };
    const type2 = hvs.filter((hv) => cat.effective(hv) === 2);
    if (type2.length === 0) return { problem: 'type1-on-os', hv: id(hvs[0]), os: id(sys) };
    if (!type2.some((hv) => guests(hv).length > 0))
      return { problem: 'no-guest', hv: id(type2[0]) };
    return undefined;
  }
  // dedicated
  if (g.kind[sys] === HYPERVISOR) return { problem: 'hypervisor-on-hardware', hv: id(sys) };
  const hv = stack.find((i) => g.kind[i] === HYPERVISOR);
  return hv !== undefined ? { problem: 'has-hypervisor', hv: id(hv) } : undefined;
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
 * Linear in the size of the document: one index, one pass over the nodes, one walk per stack.
 */
export function validate(doc: DiagramDocument, options: ValidateOptions = {}): ValidationReport {
  const g = buildGraph(doc);
  const n = doc.nodes.length;
  const cat = new Catalog(g);
  const findings: Finding[] = [];
  const id = (i: number) => idOf(g, i);

  // Loops.
  for (const component of findLoops(g)) {
    findings.push({
      rule: 'cycle',
      members: sortedIds(g, component),
      path: loopPath(g, component)
    });
  }

  // Everything standing on some hardware.
  const hardware: number[] = [];
  for (let i = 0; i < n; i++) if (g.kind[i] === HARDWARE) hardware.push(i);
  const placed = reach(g, hardware);
  const scratch = new Int32Array(n).fill(-1);

  for (let i = 0; i < n; i++) {
    const kind = g.kind[i];
    const hosts = hostsOf(g, i);
    if (hosts.length > 1)
      findings.push({ rule: 'multiple-hosts', node: id(i), hosts: Array.from(hosts, id) });

    if (kind === HARDWARE) {
      if (hosts.length > 0)
        findings.push({ rule: 'hardware-on-host', hw: id(i), host: id(hosts[0]) });
      const kids = childrenOf(g, i);
      let firmwares: number[] | undefined;
      for (const c of kids) if (g.kind[c] === FIRMWARE) (firmwares ??= []).push(c);
      if (firmwares) {
        if (firmwares.length > 1)
          findings.push({ rule: 'one-firmware', hw: id(i), firmwares: firmwares.map(id) });
        for (const c of kids) {
          if (isSystem(g.kind[c]))
            findings.push({
              rule: 'bypasses-firmware',
              node: id(c),
              hw: id(i),
              fw: id(firmwares[0])
            });
        }
      }
      continue;
    }

    if (hosts.length === 0) {
      // The top of a broken chain: list what runs on it, equally unplaced.
      const above = collectAbove(g, i, placed, scratch, i);
      findings.push({ rule: 'unplaced', node: id(i), above: sortedIds(g, above) });
    }

    const declared = cat.declared(i);
    for (const host of hosts) {
      const hostKind = g.kind[host];
      if (!allowedCode(kind, hostKind, declared))
        findings.push({ rule: 'invalid-host', node: id(i), host: id(host) });
      if (kind !== HYPERVISOR) continue;
      if (
        (declared === 1 && hostKind === OS) ||
        (declared === 2 &&
          (hostKind === HARDWARE || hostKind === FIRMWARE || hostKind === HYPERVISOR))
      ) {
        const field = g.nodes[i].hypervisorType;
        findings.push({
          rule: 'type-mismatch',
          hv: id(i),
          host: id(host),
          declared: declared!,
          from: field === declared ? 'field' : 'catalog',
          entry: cat.entry(i)
        });
      }
      if (hostKind === HYPERVISOR) {
        findings.push({ rule: 'nested', hv: id(i), host: id(host) });
      } else if (hostKind === OS) {
        const outer = Array.from(hostsOf(g, host)).find((h) => g.kind[h] === HYPERVISOR);
        if (outer !== undefined)
          findings.push({ rule: 'nested', hv: id(i), host: id(host), outer: id(outer) });
      }
    }

    if (kind === HYPERVISOR) {
      let guests = 0;
      for (const c of childrenOf(g, i)) if (isSystem(g.kind[c])) guests++;
      if (guests === 0) findings.push({ rule: 'idle-hypervisor', hv: id(i) });
      const field = g.nodes[i].hypervisorType;
      if (field === 1 || field === 2) {
        const entry = cat.entry(i);
        if (entry && entry.type !== field) {
          findings.push({ rule: 'type-conflicts-catalog', hv: id(i), declared: field, entry });
        }
      }
    }
  }

  // Roots: one bare-metal system each.
  for (const root of g.roots) {
    const systems = systemsOn(g, root);
    if (systems.length > 1)
      findings.push({ rule: 'one-bare-metal-system', hw: id(root), systems: systems.map(id) });
    if (systems.length === 0) findings.push({ rule: 'idle-hardware', hw: id(root) });
  }

  // Which nodes errors and nested infos name (expectation-unmet is added below and
  // never changes a classification).
  const errorNamed = new Uint8Array(n);
  const nestedNamed = new Uint8Array(n);
  for (const f of findings) {
    if (RULES[f.rule] === 'error') for (const x of namedNodes(f)) errorNamed[g.index.get(x)!] = 1;
    if (f.rule === 'nested') nestedNamed[g.index.get(f.hv)!] = 1;
  }

  const stamp = new Int32Array(n).fill(-1);
  const stacks: StackReport[] = g.roots.map((root, r) => {
    const members = stackOrder(g, root, stamp, r);
    let invalid = false;
    let nested = false;
    for (const m of members) {
      if (errorNamed[m]) invalid = true;
      if (nestedNamed[m]) nested = true;
    }
    const report: StackReport = {
      root: id(root),
      classification: invalid ? 'invalid' : classify(g, root),
      nested,
      nodes: members.map(id)
    };
    const expect = g.nodes[root].expect ?? options.expect;
    if (expect) {
      const problem = checkExpectation(g, cat, root, expect, members);
      report.expect = expect;
      report.expectationMet = problem === undefined;
      if (problem) findings.push({ rule: 'expectation-unmet', root: id(root), expect, ...problem });
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

/** What runs on `top`, transitively, that stands on no hardware (`mark`: unique per call). */
function collectAbove(
  g: StackGraph,
  top: number,
  placed: Uint8Array,
  stamp: Int32Array,
  mark: number
): number[] {
  const out: number[] = [];
  const todo = [top];
  stamp[top] = mark;
  while (todo.length) {
    const v = todo.pop()!;
    for (const c of childrenOf(g, v)) {
      if (stamp[c] !== mark && !placed[c]) {
        stamp[c] = mark;
        out.push(c);
        todo.push(c);
      }
    }
  }
  return out;
}

function compareIdLists(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < a.length && i < b.length; i++) {
    const c = compareIds(a[i], b[i]);
    if (c) return c;
  }
  return a.length - b.length;
}

/** Classification of a stack with no error: by its bare-metal system. */
function classify(g: StackGraph, root: number): Classification {
  const systems = systemsOn(g, root);
  if (systems.length === 0) return 'incomplete';
  const sys = systems[0];
  if (g.kind[sys] === HYPERVISOR) return 'type1';
  for (const c of childrenOf(g, sys)) if (g.kind[c] === HYPERVISOR) return 'type2';
  return 'dedicated';
}
