import { describe, expect, it } from 'vitest';
import {
  markers,
  measureDocument,
  moveNodes,
  validate,
  type DiagramDocument
} from '$lib/core/index';
import type { Edge } from '@xyflow/svelte';
import {
  coveredEdges,
  flowEdges,
  flowNodeData,
  flowNodes,
  type StackFlowNode,
  type StackNodeData
} from './flow';

const DOC: DiagramDocument = {
  version: 1,
  nodes: [
    { id: 'hw', kind: 'hardware', label: 'Server', position: { x: 0, y: 200 } },
    { id: 'esxi', kind: 'hypervisor', label: 'ESXi', position: { x: 0, y: 100 } },
    { id: 'vm', kind: 'os', label: 'Ubuntu', position: { x: 0, y: 0 } }
  ],
  edges: [
    { id: 'e1', source: 'hw', target: 'esxi' },
    { id: 'e2', source: 'esxi', target: 'vm' }
  ]
};

interface Model {
  data: Map<string, StackNodeData>;
  nodes: StackFlowNode[];
  edges: Edge[];
}

function model(doc: DiagramDocument, prev?: Model, renaming: string | null = null): Model {
  const report = validate(doc);
  const marks = markers(report, doc);
  const { boxes, captions } = measureDocument(doc);
  const data = flowNodeData(doc, report, marks, boxes, captions, prev?.data);
  const nodes = flowNodes(doc, data, boxes, [], renaming, prev?.nodes);
  const edges = flowEdges(doc, marks, [], (g, h) => `${g} on ${h}`, prev?.edges);
  return { data, nodes, edges };
}

describe('the canvas model', () => {
  it('moving one node hands Svelte Flow one new node object, the others unchanged', () => {
    const before = model(DOC);
    const moved = moveNodes(DOC, { positions: { vm: { x: 40, y: 0 } } });
    if ('error' in moved) throw new Error(moved.error);
    const after = model(moved.doc, before);
    expect(after.nodes[2]).not.toBe(before.nodes[2]);
    expect(after.nodes[2].position).toEqual({ x: 40, y: 0 });
    expect(after.nodes[0]).toBe(before.nodes[0]);
    expect(after.nodes[1]).toBe(before.nodes[1]);
    expect(after.edges).toEqual(before.edges);
    expect(after.edges[0]).toBe(before.edges[0]);
  });

  it('renaming in place changes that node only, and problem counts stay', () => {
    const bad: DiagramDocument = {
      ...DOC,
      nodes: [...DOC.nodes, { id: 'web', kind: 'service', label: 'nginx' }],
      edges: [...DOC.edges, { id: 'e3', source: 'esxi', target: 'web' }]
    };
    const before = model(bad);
    const after = model(bad, before, 'hw');
    expect(after.nodes[0].data.renaming).toBe(true);
    expect(after.nodes.slice(1)).toEqual(before.nodes.slice(1));
    expect(after.nodes[1]).toBe(before.nodes[1]);
    const web = after.nodes.find((n) => n.id === 'web')!;
    expect(web.data.errors).toBeGreaterThan(0);
    expect(after.edges.find((e) => e.id === 'e3')!.class).toBe('bad');
  });

  it('renaming a node gives it new data with the new label', () => {
    const before = model(DOC);
    const renamed = {
      ...DOC,
      nodes: DOC.nodes.map((n) => (n.id === 'vm' ? { ...n, label: 'Debian' } : n))
    };
    const after = model(renamed, before);
    expect(after.nodes[2].data.label).toBe('Debian');
    expect(after.nodes[0]).toBe(before.nodes[0]);
  });
});

describe('dense documents on the canvas', () => {
  it('edges drawn wholly over others are hidden; an ordinary stack hides none', () => {
    const nodes: DiagramDocument['nodes'] = [];
    const edges: DiagramDocument['edges'] = [];
    for (let i = 0; i < 20; i++) {
      nodes.push({
        id: `n${i}`,
        kind: i ? 'os' : 'hardware',
        label: 'x',
        position: { x: 0, y: -90 * i }
      });
      for (let j = 0; j < i; j++)
        edges.push({ id: `e${j}_${i}`, source: `n${j}`, target: `n${i}` });
    }
    const dense: DiagramDocument = { version: 1, nodes, edges };
    const report = validate(dense);
    const marks = markers(report, dense);
    const { boxes } = measureDocument(dense);
    const hidden = coveredEdges(dense, marks, boxes);
    const drawn = flowEdges(dense, marks, [], (g, h) => `${g} on ${h}`, undefined, hidden).filter(
      (e) => !e.hidden
    );
    // Every neighbour link stays (each covers a gap between two boxes); the rest lie on them.
    expect(drawn.length).toBeLessThan(40);
    for (let i = 1; i < 20; i++) expect(drawn.map((e) => e.id)).toContain(`e${i - 1}_${i}`);
    expect(coveredEdges(DOC, markers(validate(DOC), DOC), measureDocument(DOC).boxes).size).toBe(0);
  });
});
