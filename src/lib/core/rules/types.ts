import type { Expectation, HypervisorType, NodeKind } from '../model/types';
import type { CatalogEntry } from '../model/catalog';

export type Severity = 'error' | 'warning' | 'info';
export type Lang = 'en' | 'ko';

export const RULES = {
  'multiple-hosts': 'error',
  cycle: 'error',
  'hardware-on-host': 'error',
  unplaced: 'error',
  'invalid-host': 'error',
  'one-bare-metal-system': 'error',
  'type-mismatch': 'error',
  'expectation-unmet': 'error',
  'one-firmware': 'warning',
  'bypasses-firmware': 'warning',
  'idle-hypervisor': 'warning',
  'idle-hardware': 'warning',
  'type-conflicts-catalog': 'warning',
  nested: 'info'
} as const satisfies Record<string, Severity>;

export type RuleId = keyof typeof RULES;
export const RULE_IDS = Object.keys(RULES) as RuleId[];

/** What went wrong in what expectation, as data (the message is made from it). */
export type ExpectationProblem =
  | { problem: 'nothing-installed' }
  | { problem: 'several-systems'; systems: string[] }
  | { problem: 'hypervisor-on-hardware'; hv: string }
  | { problem: 'no-hypervisor'; os: string }
  | { problem: 'type2-on-hardware'; hv: string }
  | { problem: 'is-type2'; hv: string; os: string }
  | { problem: 'type1-on-os'; hv: string; os: string }
  | { problem: 'no-guest'; hv: string }
  | { problem: 'has-hypervisor'; hv: string };

/**
 * A finding: one broken rule, as structured data. Node references are ids; messages are
 * rendered from findings by the message catalog, in the user's language.
 */
export type Finding =
  | { rule: 'multiple-hosts'; node: string; hosts: string[] }
  | { rule: 'cycle'; members: string[]; path: string[] }
  | { rule: 'hardware-on-host'; hw: string; host: string }
  | { rule: 'unplaced'; node: string; above: string[] }
  | { rule: 'invalid-host'; node: string; host: string }
  | { rule: 'one-bare-metal-system'; hw: string; systems: string[] }
  | {
      rule: 'type-mismatch';
      hv: string;
      host: string;
      declared: HypervisorType;
      /** Where the declared type came from. */
      from: 'field' | 'catalog';
      entry?: CatalogEntry;
    }
  | ({ rule: 'expectation-unmet'; root: string; expect: Expectation } & ExpectationProblem)
  | { rule: 'one-firmware'; hw: string; firmwares: string[] }
  | { rule: 'bypasses-firmware'; node: string; hw: string; fw: string }
  | { rule: 'idle-hypervisor'; hv: string }
  | { rule: 'idle-hardware'; hw: string }
  | {
      rule: 'type-conflicts-catalog';
      hv: string;
      declared: HypervisorType;
      entry: CatalogEntry;
    }
  | { rule: 'nested'; hv: string; host: string; outer?: string };

/**
 * A quick fix the editor can offer: what to change, as data. Applying it is the editor's
 * command layer's job; the engine only says what is clear.
 */
export type Fix =
  | { type: 'insert-host-os'; hv: string; host: string }
  | { type: 'insert-guest-os'; hv: string; service: string }
  | { type: 'add-guest-os'; hv: string }
  | { type: 'insert-hypervisor'; hw: string; systems: string[] }
  | { type: 'move-onto-firmware'; node: string; hw: string; fw: string }
  | { type: 'reset-hypervisor-type'; hv: string; to: HypervisorType };

export interface Diagnostic {
  rule: RuleId;
  severity: Severity;
  /** The node ids this diagnostic names. */
  nodes: string[];
  message: string;
  hint?: string;
  fix?: Fix;
  finding: Finding;
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
}

export interface ValidationReport {
  valid: boolean;
  stacks: StackReport[];
  diagnostics: Diagnostic[];
}

export interface ValidateOptions {
  /** The expectation for stacks whose root has no `expect` field (the CLI's `--expect`). */
  expect?: Expectation;
  lang?: Lang;
}

export type { NodeKind };
