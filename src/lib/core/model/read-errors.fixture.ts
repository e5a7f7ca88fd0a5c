import {
  checkDocument,
  readDocument,
  readDocumentBytes,
  type InputError,
  type ReadLimits
} from './read';

/**
 * Bad inputs that, together, make the reader produce every input error it has: each entry is
 * a JSON value (checked as a parsed document), JSON or SVG text, or the bytes of a file.
 * Used by the tests that check every error has a catalog key and reads in every language.
 */
export type BadInput =
  | { name: string; value: unknown }
  | { name: string; text: string; limits?: ReadLimits }
  | { name: string; bytes: number[] };

const os = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  kind: 'os',
  label: id,
  ...extra
});
const hw = (id: string) => ({ id, kind: 'hardware', label: id });

/** A value nested `depth` arrays deep. */
const nested = (depth: number): unknown => {
  let v: unknown = 0;
  for (let i = 0; i < depth; i++) v = [v];
  return v;
};

export const BAD_INPUTS: readonly BadInput[] = [
  { name: 'empty input', text: '' },
  { name: 'JSON with a missing comma', text: '{"nodes": [1, 2 3]}' },
  { name: 'a JSON array', value: [] },
  { name: 'version as a string', value: { version: '1', nodes: [] } },
  { name: 'a newer version', value: { version: 2, nodes: [] } },
  { name: 'no nodes', value: { version: 1 } },
  { name: 'nodes not an array', value: { version: 1, nodes: {} } },
  { name: 'a node that is a number', value: { version: 1, nodes: [3] } },
  {
    name: 'node fields',
    value: {
      version: 1,
      nodes: [
        { kind: 'os', label: 'no id' },
        { id: 'k', kind: 5, label: 'K' },
        { id: '', kind: 'os', label: 'empty id' },
        { id: 't', kind: 'toaster', label: 'T' },
        {
          id: 'hw',
          kind: 'hardware',
          label: 'H',
          hypervisorType: 3,
          expect: 'type3',
          product: 7,
          position: 'here'
        },
        os('p', { position: { y: '1' } }),
        os('q', { position: { x: 2_000_000, y: 0 } }),
        os('r', { protection: 'hot', replicaOf: 5, cores: -1 }),
        hw('hw')
      ],
      edges: [
        { id: 'e1', source: 'hw', target: 'zz' },
        { id: 'e2', source: 'p', target: 'p' },
        { id: 'e3', source: 'hw', target: 'q' },
        { id: 'e4', source: 'hw', target: 'q' }
      ]
    }
  },
  {
    name: 'replicas and clusters',
    value: {
      version: 1,
      nodes: [
        hw('hw1'),
        hw('hw2'),
        hw('hw3'),
        { id: 'hv', kind: 'hypervisor', label: 'HV' },
        os('vm'),
        os('c1', { replicaOf: 'ghost' }),
        os('c2', { replicaOf: 'hw1' }),
        os('c3', { replicaOf: 'c3' }),
        os('c4', { replicaOf: 'c5' }),
        os('c5', { replicaOf: 'vm' }),
        { id: 'h2', kind: 'hypervisor', label: 'H2', replicaOf: 'vm' }
      ],
      edges: [
        { id: 'e1', source: 'hw1', target: 'hv' },
        { id: 'e2', source: 'hv', target: 'vm' },
        { id: 'e3', source: 'hw2', target: 'hw3' }
      ],
      clusters: [
        5,
        { members: [] },
        { id: '', members: [] },
        { id: 'k1', label: 3, ha: 'yes', members: 'hw1' },
        { id: 'k1', members: [] },
        { id: 'hw2', members: [] },
        { id: 'k2', members: [7, 'ghost', 'vm', 'hw3'] },
        { id: 'k3', members: ['hw1'] },
        { id: 'k4', members: ['hw1'] },
        { id: 'k5' }
      ]
    }
  },
  { name: 'clusters not an array', value: { version: 1, nodes: [], clusters: 'k' } },
  { name: 'over the size limit', text: '{"version": 1, "nodes": []}', limits: { maxBytes: 10 } },
  {
    name: 'over the node limit',
    text: JSON.stringify({ version: 1, nodes: [hw('a'), hw('b')] }),
    limits: { maxNodes: 1 }
  },
  { name: 'nested too deep', value: { version: 1, nodes: [os('a', { extra: nested(70) })] } },
  { name: 'an SVG without a document', text: '<svg xmlns="http://www.w3.org/2000/svg"></svg>' },
  {
    name: 'an SVG whose metadata holds an element',
    text: '<svg><metadata id="stackdraw-document"><g/></metadata></svg>'
  },
  { name: 'a byte that is not UTF-8', bytes: [0x7b, 0xff, 0x7d] },
  { name: 'UTF-16 without a byte-order mark', bytes: [0x7b, 0x00] },
  { name: 'UTF-16 cut inside a character', bytes: [0xff, 0xfe, 0x7b, 0x00, 0x7d] },
  { name: 'UTF-32', bytes: [0xff, 0xfe, 0x00, 0x00] },
  {
    name: 'more errors than are listed',
    value: { version: 1, nodes: Array.from({ length: 60 }, () => ({ kind: 'os', label: 'x' })) }
  }
];

/** The input errors of one bad input (an empty list when, wrongly, it reads). */
export function errorsOfInput(input: BadInput): InputError[] {
  const r =
    'value' in input
      ? checkDocument(input.value)
      : 'text' in input
        ? readDocument(input.text, input.limits)
        : readDocumentBytes(new Uint8Array(input.bytes));
  return r.ok ? [] : r.errors;
}
