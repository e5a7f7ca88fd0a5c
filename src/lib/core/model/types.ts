/**
 * The stackdraw document, format version 1.
 *
 * Plain JSON data: the editor, the CLI and the tests all read and write this shape.
 * An edge means "target runs on source": the source is the layer below (the host).
 */

import type { NodeKind } from './kinds';

export { KINDS, type NodeKind } from './kinds';

export const EXPECTATIONS = ['type1', 'type2', 'dedicated'] as const;
export type Expectation = (typeof EXPECTATIONS)[number];

export type HypervisorType = 1 | 2;

export interface Position {
  x: number;
  y: number;
}

export interface DiagramNode {
  id: string;
  kind: NodeKind;
  label: string;
  /** Hypervisors only: overrides the catalog's type. */
  hypervisorType?: HypervisorType;
  /** Product name, matched against the hypervisor catalog. */
  product?: string;
  /** Hardware only: what this stack is meant to be. */
  expect?: Expectation;
  /**
   * A guest OS's protection against its host failing (course notes 13.2.3): restarted on
   * another member of its host's cluster (`ha`), or a lockstep copy on another host (`ft`).
   */
  protection?: Protection;
  /** On an OS: the id of the FT primary this node is the secondary copy of. */
  replicaOf?: string;
  /** Hardware: CPU cores. */
  cores?: number;
  /** Hardware: memory; guest OS: its VM's memory; host OS: what it keeps for itself. GiB. */
  memoryGiB?: number;
  /** Guest OS: virtual CPUs. */
  vcpus?: number;
  position?: Position;
  /** Unknown fields are kept as they were read. */
  [extra: string]: unknown;
}

export interface DiagramEdge {
  id: string;
  /** The host: the layer below. */
  source: string;
  /** What runs on the host. */
  target: string;
  [extra: string]: unknown;
}

export const PROTECTIONS = ['ha', 'ft'] as const;
export type Protection = (typeof PROTECTIONS)[number];

/** Machines that stand in for each other: a vSphere/Hyper-V cluster. */
export interface Cluster {
  id: string;
  /** Its name (the id is shown when there is none). */
  label?: string;
  /** Hardware roots (ids). */
  members: string[];
  /** HA is on: a failed member's HA-protected guests restart on the others. */
  ha?: boolean;
  [extra: string]: unknown;
}

export interface DiagramDocument {
  version: 1;
  title?: string;
  nodes: DiagramNode[];
  edges: DiagramEdge[];
  /** Clusters of hardware (redundancy issue; optional). */
  clusters?: Cluster[];
  [extra: string]: unknown;
}

export const CURRENT_VERSION = 1;

export function emptyDocument(title?: string): DiagramDocument {
  return title === undefined
    ? { version: 1, nodes: [], edges: [] }
    : { version: 1, title, nodes: [], edges: [] };
}
