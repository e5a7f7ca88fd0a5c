import {
  catalogMatch,
  cloudInstance,
  type CatalogMatch,
  type CloudEntry,
  type HypervisorEntry
} from '../model/catalog';
import { compareIds } from '../model/ids';
import { KIND_SPECS, KINDS, type HostRule, type NodeKind } from '../model/kinds';
import type { DiagramDocument, DiagramNode, Expectation, HypervisorType } from '../model/types';
import {
  buildGraph,
  childrenOf,
  CONTAINER,
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
  SERVICE,
  sortedIds,
  stackOrder,
  type StackGraph
} from './graph';
import { redundancyFindings } from './redundancy';
import { fixFor, namedNodes, RULE_IDS, RULES } from './rules';
import type {
  Classification,
  Diagnostic,
  Finding,
  FindingOf,
  StackReport,
  Type1HintFamily,
  ValidateOptions,
  ValidationReport
} from './types';

/**
 * The rules engine: a document in, language-free findings out (the message catalogs put
 * them into words). Pure: the same document and options always give the same report,
 * whatever the order of nodes and edges. Linear in the size of the document: one index,
 * one pass over the nodes, one walk per stack.
 */

/** Host rules by kind code: HOST_RULE[node][host]. */
const HOST_RULE: readonly (readonly (HostRule | undefined)[])[] = KINDS.map((k) =>
  KINDS.map((h) => KIND_SPECS[k].hosts[h])
);

const TYPE1_HINTS: ReadonlySet<string> = new Set<Type1HintFamily>([
  'esxi',
  'hyperv',
  'xen',
  'kvm',
  'powervm',
  'prsm',
  'zvm'
]);

/** Labels that name the abstract layer, not a product: the kind's names and default labels. */
const GENERIC_LABELS: ReadonlySet<string> = new Set(
  [KIND_SPECS.hypervisor.name, KIND_SPECS.hypervisor.defaultLabel, { en: 'hypervisor', ko: '' }]
    .flatMap((l) => [l.en, l.ko])
    .filter(Boolean)
    .map((s) => s.toLowerCase())
);

/** Names that say an OS is Windows, or a root/parent partition (for the Hyper-V nesting hint). */
const ROOT_PARTITION = /windows|win\s?1[01]|parent|root partition|부모|루트|윈도우/i;

/**
 * Per-run facts about nodes: catalog matches (looked up once per distinct product and
 * label), and each node's role. A firmware node that is a firmware hypervisor (PowerVM,
 * PR/SM) has the role of a hypervisor for every rule.
 */
class Facts {
  private memo = new Map<string, CatalogMatch>();
  private cloudMemo = new Map<string, CloudEntry | null>();
  /** Kind code, except that firmware hypervisors count as hypervisors. */
  readonly role: Uint8Array;

  constructor(readonly g: StackGraph) {
    const n = g.nodes.length;
    this.role = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const k = g.kind[i];
      this.role[i] = k === FIRMWARE && this.match(i).hypervisor?.firmware ? HYPERVISOR : k;
    }
  }

  match(i: number): CatalogMatch {
    const n = this.g.nodes[i];
    const key = `${typeof n.product === 'string' ? n.product : ''}\u0000${n.label}`;
    let m = this.memo.get(key);
    if (m === undefined) {
      m = catalogMatch(n);
      this.memo.set(key, m);
    }
    return m;
  }

  entry(i: number): HypervisorEntry | undefined {
    return this.match(i).hypervisor;
  }

  cloud(i: number): CloudEntry | undefined {
    const n = this.g.nodes[i];
    const key = `${typeof n.product === 'string' ? n.product : ''}\u0000${n.label}`;
    let c = this.cloudMemo.get(key);
    if (c === undefined) {
      c = cloudInstance(n) ?? null;
      this.cloudMemo.set(key, c);
    }
    return c ?? undefined;
  }

  isHv(i: number): boolean {
    return this.role[i] === HYPERVISOR;
  }

  /** A hypervisor node that is not a hypervisor (Docker, WSL2, vCenter …). */
  notHv(i: number): boolean {
    return this.g.kind[i] === HYPERVISOR && this.match(i).notHypervisor !== undefined;
  }

  /** A system: an OS or a hypervisor (firmware hypervisors included). */
  isSystem(i: number): boolean {
    return this.role[i] === OS || this.role[i] === HYPERVISOR;
  }

  /** `hypervisorType` when set, else the catalog's (hypervisors only; firmware ones are Type 1). */
  declared(i: number): HypervisorType | undefined {
    if (this.role[i] !== HYPERVISOR) return undefined;
    if (this.g.kind[i] === FIRMWARE) return 1;
    const t = this.g.nodes[i].hypervisorType;
    if (t === 1 || t === 2) return t;
    return this.entry(i)?.type;
  }

  /** Declared type, else placement: what "a Type N hypervisor" means for expectations. */
  effective(i: number): HypervisorType | undefined {
    const d = this.declared(i);
    if (d !== undefined) return d;
    if (hostCount(this.g, i) === 0) return undefined;
    return this.role[hostsOf(this.g, i)[0]] === OS ? 2 : 1;
  }

  kvmFamily(i: number): boolean {
    return this.role[i] === HYPERVISOR && this.entry(i)?.kvmFamily === true;
  }

  /** An OS whose host is a hypervisor. */
  isGuest(i: number): boolean {
    if (this.role[i] !== OS) return false;
    for (const h of hostsOf(this.g, i)) if (this.role[h] === HYPERVISOR) return true;
    return false;
  }

  /** The first hypervisor host of an OS, if any. */
  outerHypervisor(os: number): number | undefined {
    for (const h of hostsOf(this.g, os)) if (this.role[h] === HYPERVISOR) return h;
    return undefined;
  }

  /** May node `i` (with declared type `declared`) run on host `h`? */
  allowed(i: number, h: number, declared: HypervisorType | undefined): boolean {
    switch (HOST_RULE[this.g.kind[i]][this.role[h]]) {
      case 'always':
        return true;
      case 'kvm-family':
        return this.kvmFamily(h);
      case 'unless-type2':
        return declared !== 2;
      default:
        return false;
    }
  }
}

/** The systems on a hardware node: directly, or through plain (non-hypervisor) firmware. */
function systemsOn(f: Facts, hw: number): number[] {
  const g = f.g;
  const found: number[] = [];
  for (const c of childrenOf(g, hw)) {
    if (f.isSystem(c)) found.push(c);
    else if (g.kind[c] === FIRMWARE) {
      for (const cc of childrenOf(g, c)) if (f.isSystem(cc)) found.push(cc);
    }
  }
  if (found.length < 2) return found;
  // Unique, in id order.
  return [...new Set(found)].sort((a, b) => compareIds(idOf(g, a), idOf(g, b)));
}

const childrenWithRole = (f: Facts, i: number, role: number) =>
  Array.from(childrenOf(f.g, i)).filter((c) => f.role[c] === role);

type Problem = FindingOf<'expectation-unmet'>;

/** Check one stack against its expectation; undefined when it is met. */
function checkExpectation(
  f: Facts,
  root: number,
  expect: Expectation,
  stack: readonly number[]
): Problem | undefined {
  const id = (i: number) => idOf(f.g, i);
  const base = { rule: 'expectation-unmet' as const, root: id(root), expect };
  const systems = systemsOn(f, root);
  if (systems.length === 0) return { ...base, key: 'expectation-unmet.nothing-installed' };
  if (systems.length > 1)
    return { ...base, key: 'expectation-unmet.several-systems', systems: systems.map(id) };
  const sys = systems[0];
  const guests = (hv: number) => childrenWithRole(f, hv, OS);

  if (expect === 'type1') {
    if (f.role[sys] === OS) {
      const hv = childrenWithRole(f, sys, HYPERVISOR)[0];
      if (hv === undefined)
        return { ...base, key: 'expectation-unmet.no-hypervisor-type1', os: id(sys) };
      // A Type 1 hypervisor drawn on the OS: name it, as type-mismatch does.
      return f.effective(hv) === 1
        ? { ...base, key: 'expectation-unmet.type1-misplaced', hv: id(hv), os: id(sys) }
        : { ...base, key: 'expectation-unmet.is-type2', hv: id(hv), os: id(sys) };
    }
    if (f.effective(sys) === 2)
      return { ...base, key: 'expectation-unmet.type2-on-hardware', hv: id(sys) };
    if (guests(sys).length === 0)
      return { ...base, key: 'expectation-unmet.no-guest', hv: id(sys) };
    return undefined;
  }
  if (expect === 'type2') {
    if (f.role[sys] === HYPERVISOR)
      return { ...base, key: 'expectation-unmet.hypervisor-under-type2', hv: id(sys) };
    const hvs = childrenWithRole(f, sys, HYPERVISOR);
    if (hvs.length === 0)
      return { ...base, key: 'expectation-unmet.no-hypervisor-type2', os: id(sys) };
    const type2 = hvs.filter((hv) => f.effective(hv) === 2);
    if (type2.length === 0)
      return { ...base, key: 'expectation-unmet.type1-on-host-os', hv: id(hvs[0]), os: id(sys) };
    if (!type2.some((hv) => guests(hv).length > 0))
      return { ...base, key: 'expectation-unmet.no-guest', hv: id(type2[0]) };
    return undefined;
  }
  // dedicated
  if (f.role[sys] === HYPERVISOR)
    return { ...base, key: 'expectation-unmet.hypervisor-in-dedicated', hv: id(sys) };
  const hv = stack.find((i) => f.role[i] === HYPERVISOR);
  return hv !== undefined
    ? { ...base, key: 'expectation-unmet.guest-hypervisor', hv: id(hv) }
    : undefined;
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;
const RULE_ORDER = new Map(RULE_IDS.map((r, i) => [r, i]));

/**
 * Check a document against the Type 1 / Type 2 rules (tables: rules.ts; words:
 * messages/). Returns the findings as data, with the nodes each names and a fix where one
 * is clear, the stacks with their classification, and whether the document is valid (no
 * error). Throws nothing for any document the reader accepts.
 */
export function validate(doc: DiagramDocument, options: ValidateOptions = {}): ValidationReport {
  const g = options.graph ?? buildGraph(doc);
  const n = doc.nodes.length;
  const facts = new Facts(g);
  const { role } = facts;
  const findings: Finding[] = [];
  const id = (i: number) => idOf(g, i);

  // Loops.
  for (const component of findLoops(g)) {
    findings.push({
      key: 'cycle',
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
    if (hosts.length > 1) {
      let allHv = kind === OS;
      for (const h of hosts) if (role[h] !== HYPERVISOR) allHv = false;
      findings.push({
        key: allHv ? 'multiple-hosts.guest-os' : 'multiple-hosts.other',
        rule: 'multiple-hosts',
        node: id(i),
        hosts: Array.from(hosts, id)
      });
    }

    if (kind === HARDWARE) {
      checkHardware(i, hosts);
      continue;
    }

    if (hosts.length === 0) {
      // The top of a broken chain: list what runs on it, equally unplaced.
      const above = sortedIds(g, collectAbove(g, i, placed, scratch, i));
      findings.push({
        key: above.length ? 'unplaced.with-above' : 'unplaced.alone',
        rule: 'unplaced',
        node: id(i),
        above
      });
    }

    const declared = facts.declared(i);
    for (const h of hosts) {
      // What stands on a node that is not a hypervisor is explained by its error.
      if (!facts.allowed(i, h, declared) && !facts.notHv(h)) invalidHost(i, h);
      if (kind === HYPERVISOR && !facts.notHv(i)) checkPlacement(i, h, declared);
    }

    if (role[i] === HYPERVISOR && !facts.notHv(i)) {
      let guests = 0;
      let ownWork = 0;
      for (const c of childrenOf(g, i)) {
        if (role[c] === OS || g.kind[c] === HYPERVISOR) guests++;
        else if (g.kind[c] === CONTAINER || g.kind[c] === SERVICE) ownWork++;
      }
      // A KVM-family host running only its own containers or services is not idle.
      if (guests === 0 && !(ownWork > 0 && facts.kvmFamily(i)))
        findings.push({ key: 'idle-hypervisor', rule: 'idle-hypervisor', hv: id(i) });
    }
    if (kind === HYPERVISOR) checkCatalog(i, hosts);
  }

  // Roots: one bare-metal system each.
  for (const root of g.roots) {
    const systems = systemsOn(facts, root);
    if (systems.length > 1) {
      const sys = systems.map(id);
      const hyperv = systems.some((s) => facts.entry(s)?.id === 'hyperv');
      const oses = systems.every((s) => role[s] === OS);
      findings.push({
        key: hyperv
          ? 'one-bare-metal-system.hyperv-beside'
          : oses
            ? 'one-bare-metal-system.oses'
            : 'one-bare-metal-system.mixed',
        rule: 'one-bare-metal-system',
        hw: id(root),
        systems: sys
      });
    }
    if (systems.length === 0)
      findings.push({ key: 'idle-hardware', rule: 'idle-hardware', hw: id(root) });
  }

  // Redundancy: FT copies, HA clusters, memory, single points of failure.
  for (const f of redundancyFindings(doc, g)) findings.push(f);

  // Which nodes errors and nested infos name (expectation-unmet is added below and
  // never changes a classification).
  const errorNamed = new Uint8Array(n);
  const nestedNamed = new Uint8Array(n);
  for (const f of findings) {
    if (RULES[f.rule].severity === 'error')
      for (const x of namedNodes(f)) errorNamed[g.index.get(x)!] = 1;
    // A stack is nested when a nested info names one of its nodes (the root partition's
    // case included: its message says why no nested support is needed there).
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
      classification: invalid ? 'invalid' : classify(facts, root),
      nested,
      nodes: members.map(id)
    };
    const expect = g.nodes[root].expect ?? options.expect;
    if (expect) {
      const problem = checkExpectation(facts, root, expect, members);
      report.expect = expect;
      report.expectationMet = problem === undefined;
      if (problem?.key === 'expectation-unmet.nothing-installed')
        report.missing = 'nothing-installed';
      else if (problem?.key === 'expectation-unmet.no-guest') report.missing = 'no-guest';
      if (problem) findings.push(problem);
    }
    return report;
  });

  const kindOf = (x: string): NodeKind | undefined => g.byId.get(x)?.kind;
  const diagnostics: Diagnostic[] = findings.map((finding) => {
    const d: Diagnostic = {
      rule: finding.rule,
      severity: RULES[finding.rule].severity,
      nodes: namedNodes(finding),
      finding
    };
    const fix = fixFor(finding, kindOf);
    if (fix) d.fix = fix;
    return d;
  });
  diagnostics.sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      RULE_ORDER.get(a.rule)! - RULE_ORDER.get(b.rule)! ||
      compareIdLists(a.nodes, b.nodes) ||
      compareStrings(a.finding.key, b.finding.key) ||
      compareStrings(JSON.stringify(a.finding), JSON.stringify(b.finding))
  );

  return {
    valid: !diagnostics.some((d) => d.severity === 'error'),
    stacks,
    diagnostics
  };

  // ── Checks of one node (closures over the run's facts) ─────────────────────────────

  function checkHardware(i: number, hosts: Int32Array) {
    if (hosts.length > 0) {
      const h = hosts[0];
      findings.push({
        key:
          role[h] === HARDWARE
            ? 'hardware-on-host.device'
            : g.kind[h] === FIRMWARE
              ? 'hardware-on-host.on-firmware'
              : 'hardware-on-host.virtual',
        rule: 'hardware-on-host',
        hw: id(i),
        host: id(h)
      });
    }
    const kids = childrenOf(g, i);
    let firmwares: number[] | undefined;
    for (const c of kids) if (g.kind[c] === FIRMWARE) (firmwares ??= []).push(c);
    if (firmwares) {
      if (firmwares.length > 1)
        findings.push({
          key: 'one-firmware',
          rule: 'one-firmware',
          hw: id(i),
          firmwares: firmwares.map(id)
        });
      for (const c of kids) {
        if (g.kind[c] === OS || g.kind[c] === HYPERVISOR)
          findings.push({
            key: 'bypasses-firmware',
            rule: 'bypasses-firmware',
            node: id(c),
            hw: id(i),
            fw: id(firmwares[0])
          });
      }
    }
    const cloud = facts.cloud(i);
    if (cloud) {
      findings.push(
        cloud.hypervisor
          ? {
              key: 'cloud-instance.provider',
              rule: 'cloud-instance',
              hw: id(i),
              hypervisor: cloud.hypervisor
            }
          : { key: 'cloud-instance.generic', rule: 'cloud-instance', hw: id(i) }
      );
    }
  }

  function invalidHost(i: number, h: number) {
    const base = { rule: 'invalid-host' as const, node: id(i), host: id(h) };
    const k = g.kind[i];
    const hr = role[h];
    // A firmware drawn above something (an OS, a hypervisor): what stands on it belongs on
    // what stands under it. The firmware's own error says where firmware goes.
    if (g.kind[h] === FIRMWARE && hr === FIRMWARE) {
      const below = hostsOf(g, h)[0];
      if (below !== undefined && g.kind[below] !== HARDWARE)
        return findings.push({
          ...base,
          key: 'invalid-host.on-misplaced-firmware',
          below: id(below)
        });
    }
    const bare = hr === HARDWARE || hr === FIRMWARE;
    const app = hr === SERVICE || hr === CONTAINER;
    if (k === SERVICE) {
      if (hr === HYPERVISOR)
        return findings.push({
          ...base,
          key:
            facts.entry(h)?.id === 'esxi'
              ? 'invalid-host.service-on-esxi'
              : 'invalid-host.service-on-hypervisor'
        });
      if (bare) return findings.push({ ...base, key: 'invalid-host.service-on-bare' });
      if (hr === SERVICE) return findings.push({ ...base, key: 'invalid-host.service-on-service' });
    }
    if (k === CONTAINER) {
      if (bare || hr === HYPERVISOR)
        return findings.push({ ...base, key: 'invalid-host.container-needs-os' });
      if (app) return findings.push({ ...base, key: 'invalid-host.container-on-app' });
    }
    if (k === OS) {
      if (hr === OS) {
        const product = facts.match(h).hypervisor;
        return findings.push(
          product
            ? { ...base, key: 'invalid-host.os-on-hypervisor-product', product: product.name }
            : { ...base, key: 'invalid-host.os-on-os' }
        );
      }
      if (hr === CONTAINER) return findings.push({ ...base, key: 'invalid-host.os-on-container' });
      if (hr === SERVICE) return findings.push({ ...base, key: 'invalid-host.system-on-app' });
    }
    if (k === HYPERVISOR) {
      if (hr === HYPERVISOR)
        return findings.push({ ...base, key: 'invalid-host.type2-on-hypervisor' });
      if (app) return findings.push({ ...base, key: 'invalid-host.system-on-app' });
    }
    if (k === FIRMWARE) {
      if (hr === HYPERVISOR || facts.isGuest(h))
        return findings.push({ ...base, key: 'invalid-host.firmware-on-virtual' });
      if (hr === OS) return findings.push({ ...base, key: 'invalid-host.firmware-above-os' });
      return findings.push({ ...base, key: 'invalid-host.firmware-elsewhere' });
    }
    findings.push({ ...base, key: 'invalid-host.other' });
  }

  /** Type against placement, and nesting, of a hypervisor on host `h`. */
  function checkPlacement(i: number, h: number, declared: HypervisorType | undefined) {
    const hr = role[h];
    const misplaced = (declared === 1 && hr === OS) || (declared === 2 && hr !== OS);
    if (declared !== undefined) {
      const field = g.nodes[i].hypervisorType;
      const entry = facts.entry(i);
      const base = {
        rule: 'type-mismatch' as const,
        hv: id(i),
        host: id(h),
        declared,
        from: field === declared ? ('field' as const) : ('catalog' as const),
        ...(entry ? { product: facts.match(i).matched ?? entry.name, catalogType: entry.type } : {})
      };
      if (declared === 1 && hr === OS) {
        const outer = facts.outerHypervisor(h);
        if (outer !== undefined) {
          findings.push({ ...base, key: 'type-mismatch.type1-on-guest-os', outer: id(outer) });
        } else {
          const family =
            base.from === 'catalog' && entry && TYPE1_HINTS.has(entry.id)
              ? (entry.id as Type1HintFamily)
              : 'declared';
          findings.push({ ...base, key: 'type-mismatch.type1-on-os', family });
        }
      } else if (declared === 2 && (hr === HARDWARE || hr === FIRMWARE)) {
        findings.push({ ...base, key: 'type-mismatch.type2-on-bare' });
      } else if (declared === 2 && hr === HYPERVISOR) {
        findings.push({ ...base, key: 'type-mismatch.type2-on-hypervisor' });
      }
    }
    // A type-mismatch already says how to draw this hypervisor (and, for ESXi on a VM's
    // guest OS, how nesting works): a nesting note beside it would tell a second story.
    if (misplaced || facts.notHv(h)) return;
    if (hr === HYPERVISOR) {
      findings.push({
        key: g.kind[h] === FIRMWARE ? 'nested.on-firmware-hypervisor' : 'nested.on-hypervisor',
        rule: 'nested',
        hv: id(i),
        host: id(h)
      });
    } else if (hr === OS) {
      const outer = facts.outerHypervisor(h);
      if (outer !== undefined && !facts.notHv(outer)) {
        const rootPartition =
          facts.entry(outer)?.id === 'hyperv' && ROOT_PARTITION.test(g.nodes[h].label);
        findings.push({
          key: rootPartition ? 'nested.in-root-partition' : 'nested.in-guest',
          rule: 'nested',
          hv: id(i),
          host: id(h),
          outer: id(outer)
        });
      }
    }
  }

  /** What the catalog says of a hypervisor node: conflicts, not a hypervisor, unknown. */
  function checkCatalog(i: number, hosts: Int32Array) {
    const field = g.nodes[i].hypervisorType;
    const match = facts.match(i);
    const entry = match.hypervisor;
    if ((field === 1 || field === 2) && entry && entry.type !== field) {
      findings.push({
        key: 'type-conflicts-catalog',
        rule: 'type-conflicts-catalog',
        hv: id(i),
        declared: field,
        product: match.matched ?? entry.name,
        catalogType: entry.type
      });
    }
    if (match.notHypervisor) {
      const host = hosts.length === 1 ? { host: id(hosts[0]) } : {};
      const carries = childrenOf(g, i).length > 0 ? { carries: true as const } : {};
      findings.push({
        key: `not-a-hypervisor.${match.notHypervisor.category}`,
        rule: 'not-a-hypervisor',
        node: id(i),
        name: match.matched ?? match.notHypervisor.name,
        ...host,
        ...carries
      });
      return;
    }
    if (entry || field === 1 || field === 2) return;
    // The textbook's abstract layer ("Hypervisor", "하이퍼바이저"): judged by placement, silently.
    if (GENERIC_LABELS.has(g.nodes[i].label.trim().toLowerCase())) return;
    const h = hosts[0];
    findings.push({
      key:
        h === undefined
          ? 'uncatalogued-hypervisor.unplaced'
          : role[h] === OS
            ? 'uncatalogued-hypervisor.on-os'
            : role[h] === HYPERVISOR
              ? 'uncatalogued-hypervisor.on-hypervisor'
              : 'uncatalogued-hypervisor.on-bare',
      rule: 'uncatalogued-hypervisor',
      hv: id(i)
    });
  }
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

const compareStrings = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Classification of a stack with no error: by its bare-metal system. */
function classify(f: Facts, root: number): Classification {
  const systems = systemsOn(f, root);
  if (systems.length === 0) return 'incomplete';
  const sys = systems[0];
  if (f.role[sys] === HYPERVISOR) return 'type1';
  for (const c of childrenOf(f.g, sys)) if (f.role[c] === HYPERVISOR) return 'type2';
  return 'dedicated';
}

/**
 * May a node of `kind` run on a node of `hostKind`? The kind spec's host table, for a
 * host that is not KVM-family (then containers and services may also run on it) and a
 * node of declared type `declared`.
 */
export function allowedHost(
  kind: NodeKind,
  hostKind: NodeKind,
  declared?: HypervisorType,
  hostIsKvmFamily = false
): boolean {
  switch (HOST_RULE[KIND_CODE[kind]][KIND_CODE[hostKind]]) {
    case 'always':
      return true;
    case 'kvm-family':
      return hostIsKvmFamily;
    case 'unless-type2':
      return declared !== 2;
    default:
      return false;
  }
}

/**
 * May `node` run on `host`, by the kind spec's host table (with the host's role: a firmware
 * hypervisor counts as a hypervisor; containers and services may run on a KVM-family host)?
 * Used by commands that place nodes (paste onto a node).
 */
export function mayRunOn(node: DiagramNode, host: DiagramNode): boolean {
  const hostEntry = catalogMatch(host).hypervisor;
  const hostKind: NodeKind =
    host.kind === 'firmware' && hostEntry?.firmware ? 'hypervisor' : host.kind;
  const declared =
    node.kind === 'hypervisor'
      ? node.hypervisorType === 1 || node.hypervisorType === 2
        ? node.hypervisorType
        : catalogMatch(node).hypervisor?.type
      : undefined;
  return allowedHost(node.kind, hostKind, declared, hostEntry?.kvmFamily === true);
}
