import type { Lang } from '../i18n/lang';
import type { NotHypervisorCategory, HypervisorFamily } from '../model/catalog';
import type { NodeKind } from '../model/kinds';
import type { Expectation, HypervisorType } from '../model/types';
import type { StackGraph } from './graph';

export type Severity = 'error' | 'warning' | 'info';
export type { Lang };

/**
 * What the engine found, as language-free data: one message key per situation (rule id plus
 * variant, decided once by the engine) and its parameters. Node references are ids. The
 * message catalogs (`messages/en.ts`, `messages/ko.ts`) turn a finding into words; every
 * key has a message, and the keys marked `hint: true` a hint, in both languages (a missing
 * one is a compile error).
 */
export interface MessageShapes {
  'multiple-hosts.guest-os': { p: { node: string; hosts: string[] }; hint: true };
  'multiple-hosts.other': { p: { node: string; hosts: string[] }; hint: true };
  cycle: { p: { members: string[]; path: string[] }; hint: true };
  'hardware-on-host.virtual': { p: { hw: string; host: string }; hint: true };
  'hardware-on-host.device': { p: { hw: string; host: string }; hint: true };
  'hardware-on-host.on-firmware': { p: { hw: string; host: string }; hint: true };
  'unplaced.alone': { p: { node: string; above: string[] }; hint: true };
  'unplaced.with-above': { p: { node: string; above: string[] }; hint: true };
  'invalid-host.service-on-hypervisor': { p: HostPair; hint: true };
  'invalid-host.service-on-esxi': { p: HostPair; hint: true };
  'invalid-host.service-on-bare': { p: HostPair; hint: true };
  'invalid-host.service-on-service': { p: HostPair; hint: true };
  'invalid-host.container-needs-os': { p: HostPair; hint: true };
  'invalid-host.container-on-app': { p: HostPair; hint: true };
  'invalid-host.os-on-os': { p: HostPair; hint: true };
  'invalid-host.os-on-hypervisor-product': { p: HostPair & { product: string }; hint: true };
  'invalid-host.os-on-container': { p: HostPair; hint: true };
  'invalid-host.system-on-app': { p: HostPair; hint: true };
  'invalid-host.type2-on-hypervisor': { p: HostPair; hint: true };
  'invalid-host.firmware-on-virtual': { p: HostPair; hint: true };
  'invalid-host.firmware-above-os': { p: HostPair; hint: true };
  'invalid-host.firmware-elsewhere': { p: HostPair; hint: true };
  'invalid-host.on-misplaced-firmware': { p: HostPair & { below: string }; hint: true };
  'invalid-host.other': { p: HostPair; hint: false };
  'one-bare-metal-system.oses': { p: { hw: string; systems: string[] }; hint: true };
  'one-bare-metal-system.hyperv-beside': { p: { hw: string; systems: string[] }; hint: true };
  'one-bare-metal-system.mixed': { p: { hw: string; systems: string[] }; hint: true };
  'type-mismatch.type1-on-os': { p: TypeMismatch & { family: Type1HintFamily }; hint: true };
  'type-mismatch.type1-on-guest-os': { p: TypeMismatch & { outer: string }; hint: true };
  'type-mismatch.type2-on-bare': { p: TypeMismatch; hint: true };
  'type-mismatch.type2-on-hypervisor': { p: TypeMismatch; hint: true };
  'expectation-unmet.nothing-installed': { p: Expected; hint: true };
  'expectation-unmet.several-systems': { p: Expected & { systems: string[] }; hint: true };
  'expectation-unmet.hypervisor-under-type2': { p: Expected & { hv: string }; hint: true };
  'expectation-unmet.hypervisor-in-dedicated': { p: Expected & { hv: string }; hint: true };
  'expectation-unmet.no-hypervisor-type1': { p: Expected & { os: string }; hint: true };
  'expectation-unmet.no-hypervisor-type2': { p: Expected & { os: string }; hint: true };
  'expectation-unmet.type2-on-hardware': { p: Expected & { hv: string }; hint: true };
  'expectation-unmet.is-type2': { p: Expected & { hv: string; os: string }; hint: true };
  'expectation-unmet.type1-misplaced': { p: Expected & { hv: string; os: string }; hint: true };
  'expectation-unmet.type1-on-host-os': { p: Expected & { hv: string; os: string }; hint: true };
  'expectation-unmet.no-guest': { p: Expected & { hv: string }; hint: true };
  'expectation-unmet.guest-hypervisor': { p: Expected & { hv: string }; hint: true };
  'one-firmware': { p: { hw: string; firmwares: string[] }; hint: true };
  'bypasses-firmware': { p: { node: string; hw: string; fw: string }; hint: true };
  'idle-hypervisor': { p: { hv: string }; hint: true };
  'idle-hardware': { p: { hw: string }; hint: true };
  'type-conflicts-catalog': {
    p: { hv: string; declared: HypervisorType; product: string; catalogType: HypervisorType };
    hint: true;
  };
  'not-a-hypervisor.container-engine': { p: NotHv; hint: true };
  'not-a-hypervisor.windows-feature': { p: NotHv; hint: true };
  'not-a-hypervisor.management': { p: NotHv; hint: true };
  'uncatalogued-hypervisor.on-bare': { p: { hv: string }; hint: true };
  'uncatalogued-hypervisor.on-os': { p: { hv: string }; hint: true };
  'uncatalogued-hypervisor.on-hypervisor': { p: { hv: string }; hint: true };
  'uncatalogued-hypervisor.unplaced': { p: { hv: string }; hint: true };
  'cloud-instance.provider': { p: { hw: string; hypervisor: string }; hint: true };
  'cloud-instance.generic': { p: { hw: string }; hint: true };
  'nested.on-hypervisor': { p: { hv: string; host: string }; hint: true };
  'nested.on-firmware-hypervisor': { p: { hv: string; host: string }; hint: true };
  'nested.in-guest': { p: { hv: string; host: string; outer: string }; hint: true };
  'nested.in-root-partition': { p: { hv: string; host: string; outer: string }; hint: true };
  'ft-same-host': { p: { primary: string; replica: string; hw: string }; hint: true };
  /** `target`: the one other machine's hypervisor a copy could run on, when there is one. */
  'ft-no-replica': { p: { guest: string; target?: string }; hint: true };
  'ha-no-cluster.none': { p: { guest: string; hw: string }; hint: true };
  'ha-no-cluster.alone': { p: InCluster; hint: true };
  'ha-no-cluster.ha-off': { p: InCluster; hint: true };
  /** `used` and `capacity` in GiB. */
  'memory-overcommit': {
    /** `used` is the VMs' and the host OS's together; `hostOs` the host OS's part (Type 2). */
    p: { hw: string; used: number; capacity: number; hostOs?: number };
    hint: true;
  };
  'ha-no-failover-capacity': {
    p: { cluster: string; clusterName: string; members: string[] };
    hint: true;
  };
  'single-point-of-failure.dedicated': { p: { hw: string; services: string[] }; hint: true };
  'single-point-of-failure.host': { p: { hw: string; services: string[] }; hint: true };
  'single-point-of-failure.no-room': { p: { hw: string; services: string[] }; hint: true };
  'single-point-of-failure.same-host': { p: { hw: string; services: string[] }; hint: true };
}

interface InCluster {
  guest: string;
  hw: string;
  /** The cluster's id, and its name for messages (label, else id). */
  cluster: string;
  clusterName: string;
}

interface HostPair {
  /** The node on top. */
  node: string;
  /** The host it may not run on. */
  host: string;
}

/** Which product hint a Type 1 hypervisor drawn on an OS gets. */
export type Type1HintFamily =
  | Extract<HypervisorFamily, 'esxi' | 'hyperv' | 'xen' | 'kvm' | 'powervm' | 'prsm' | 'zvm'>
  | 'declared';

interface TypeMismatch {
  hv: string;
  host: string;
  declared: HypervisorType;
  /** Where the declared type came from: the node's `hypervisorType`, or the catalog. */
  from: 'field' | 'catalog';
  /** The catalog name that matched, when the catalog knows the product. */
  product?: string;
  /** The catalog's type, when the catalog knows the product. */
  catalogType?: HypervisorType;
}

interface Expected {
  root: string;
  expect: Expectation;
}

interface NotHv {
  node: string;
  /** The name that matched ("Docker", "WSL2" …). */
  name: string;
  /** Its host, when it has exactly one. */
  host?: string;
  /** Something is drawn on it. */
  carries?: true;
}

export type MessageKey = keyof MessageShapes;
export type ParamsOf<K extends MessageKey> = MessageShapes[K]['p'];

/** The rule a message key belongs to: the part before the dot. */
export type RuleOfKey<K extends string> = K extends `${infer R}.${string}` ? R : K;
export type RuleId = RuleOfKey<MessageKey>;

/** A finding: the key, its rule, and the key's parameters. */
export type Finding = {
  [K in MessageKey]: { key: K; rule: RuleOfKey<K> } & ParamsOf<K>;
}[MessageKey];

export type FindingOf<R extends RuleId> = Extract<Finding, { rule: R }>;

/** Keys of a rule. */
export type KeyOf<R extends RuleId> = FindingOf<R>['key'];

export type CategoryOfNotHv = NotHypervisorCategory;

/**
 * A quick fix the editor can offer: what to change, as data. Applying it is the command
 * layer's job (`applyFix`); the engine only says what is clear.
 */
export type Fix =
  | { type: 'insert-host-os'; hv: string; host: string }
  | { type: 'insert-guest-os'; hv: string; node: string }
  | { type: 'add-guest-os'; hv: string }
  | { type: 'insert-hypervisor'; hw: string; systems: string[] }
  | { type: 'move-onto-firmware'; node: string; hw: string; fw: string }
  | { type: 'reset-hypervisor-type'; hv: string; to: HypervisorType }
  | { type: 'set-kind'; node: string; kind: NodeKind }
  | { type: 'redraw-container-engine'; node: string; host: string }
  /** A Type 1 hypervisor drawn on its OS goes under it: hardware → hypervisor → OS. */
  | { type: 'swap-with-host'; hv: string; os: string }
  /** KVM drawn on its Linux: one node, "Linux with KVM", on the hardware. */
  | { type: 'merge-into-host'; hv: string; os: string }
  /** Turn HA on for a cluster. */
  | { type: 'enable-ha'; cluster: string }
  /** Add an FT secondary of `guest` (with what runs in it) on hypervisor `hv`. */
  | { type: 'add-ft-replica'; guest: string; hv: string };

export interface Diagnostic {
  rule: RuleId;
  severity: Severity;
  /** The node ids this diagnostic names (the rules table says which). */
  nodes: string[];
  /** The situation and its parameters; `renderDiagnostic` makes the words. */
  finding: Finding;
  fix?: Fix;
}

export type Classification = 'dedicated' | 'type1' | 'type2' | 'incomplete' | 'invalid';

export interface StackReport {
  root: string;
  classification: Classification;
  nested: boolean;
  /** Every node of the stack, bottom-up (breadth first from the root, siblings in id order). */
  nodes: string[];
  expect?: Expectation;
  expectationMet?: boolean;
  /**
   * Why the expectation is not met when the stack is only unfinished: nothing installed on
   * the hardware, or a hypervisor without a guest OS yet. Not in the JSON report.
   */
  missing?: 'nothing-installed' | 'no-guest';
}

export interface ValidationReport {
  valid: boolean;
  stacks: StackReport[];
  diagnostics: Diagnostic[];
}

export interface ValidateOptions {
  /** The expectation for stacks whose root has no `expect` field (the CLI's `--expect`). */
  expect?: Expectation;
  /**
   * `buildGraph(doc)` of this very document, when the caller keeps one (the editor builds
   * one per structural revision and shares it with the redundancy analysis and the canvas).
   */
  graph?: StackGraph;
}

export type { NodeKind };
