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

export interface DiagramDocument {
  version: 1;
  title?: string;
  nodes: DiagramNode[];
  edges: DiagramEdge[];
  [extra: string]: unknown;
}

export const CURRENT_VERSION = 1;

export function emptyDocument(title?: string): DiagramDocument {
  return title === undefined
    ? { version: 1, nodes: [], edges: [] }
    : { version: 1, title, nodes: [], edges: [] };
}
