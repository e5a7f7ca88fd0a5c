import { describe, expect, it } from 'vitest';
import { isRefused } from '../commands/commands';
import type { DiagramDocument } from '../model/types';
import { applyText, mergeTextDocument, paneText, parseStack, withoutPositions } from './index';

/** A document as the editor holds it: ids like `hw-1`, positions, its own edge ids. */
const canvas: DiagramDocument = {
  version: 1,
  title: 'Lab',
  nodes: [
    { id: 'hw-1', kind: 'hardware', label: 'Server', position: { x: 10, y: 400 } },
    { id: 'hv-1', kind: 'hypervisor', label: 'ESXi', position: { x: 10, y: 300 } },
    { id: 'os-1', kind: 'os', label: 'Ubuntu', position: { x: 10, y: 200 } }
  ],
  edges: [
    { id: 'edge-7', source: 'hw-1', target: 'hv-1' },
    { id: 'edge-9', source: 'hv-1', target: 'os-1' }
  ]
};

const read = (text: string) => {
  const r = parseStack(text);
  expect(r.errors).toEqual([]);
  return r.document!;
};

describe('the text pane', () => {
  it('shows the diagram without positions or edge ids, and says where each node is', () => {
    const { text, nodes } = paneText(canvas);
    expect(text).toBe('title: Lab\nhw Server #hw-1\n  hv ESXi #hv-1\n    os Ubuntu #os-1\n');
    expect(nodes.get('os-1')).toBe(4);
    expect(withoutPositions(canvas).nodes.every((n) => n.position === undefined)).toBe(true);
    expect(canvas.nodes[0].position).toEqual({ x: 10, y: 400 });
  });

  it('keeps positions of nodes whose ids survive, and edge ids where source and target match', () => {
    const edited =
      paneText(canvas).text.replace('Ubuntu #os-1', 'Debian #os-1') + '      svc Web\n';
    const merged = mergeTextDocument(canvas, read(edited));
    expect(merged.nodes.map((n) => [n.id, n.label, n.position])).toEqual([
      ['hw-1', 'Server', { x: 10, y: 400 }],
      ['hv-1', 'ESXi', { x: 10, y: 300 }],
      ['os-1', 'Debian', { x: 10, y: 200 }],
      ['os-1/web', 'Web', undefined]
    ]);
    expect(merged.edges.map((e) => [e.id, e.source, e.target])).toEqual([
      ['edge-7', 'hw-1', 'hv-1'],
      ['edge-9', 'hv-1', 'os-1'],
      ['e3', 'os-1', 'os-1/web']
    ]);
  });

  it('a position written in the text wins; a new edge never takes a kept edge id', () => {
    const doc: DiagramDocument = {
      ...canvas,
      edges: [{ id: 'e2', source: 'hw-1', target: 'hv-1' }, canvas.edges[1]]
    };
    // os-1 moves under the hardware: its edge is new (text numbers it e2, which is kept).
    const text = 'hw Server #hw-1\n  hv ESXi #hv-1 [x=5 y=6]\n  os Ubuntu #os-1\n';
    const merged = mergeTextDocument(doc, read(text));
    expect(merged.nodes[1].position).toEqual({ x: 5, y: 6 });
    expect(merged.edges.map((e) => [e.id, e.source, e.target])).toEqual([
      ['e2', 'hw-1', 'hv-1'],
      ['e1', 'hw-1', 'os-1']
    ]);
    expect(new Set(merged.edges.map((e) => e.id)).size).toBe(2);
  });

  it('applying the text the pane shows changes nothing; a real edit is one command', () => {
    const same = applyText(canvas, { parsed: read(paneText(canvas).text + '%% a note\n') });
    expect(isRefused(same)).toBe(true);
    const renamed = applyText(canvas, {
      parsed: read(paneText(canvas).text.replace('ESXi', 'Proxmox'))
    });
    expect(isRefused(renamed)).toBe(false);
    if (!isRefused(renamed)) {
      expect(renamed.doc.nodes[1]).toEqual({
        id: 'hv-1',
        kind: 'hypervisor',
        label: 'Proxmox',
        position: { x: 10, y: 300 }
      });
      expect(renamed.doc.edges).toEqual(canvas.edges);
    }
  });
});

describe('text edited while the canvas changed (the text did not read for a while)', () => {
  it("keeps the canvas's changes the text did not make, and the text's own", () => {
    const base = canvas;
    const text = paneText(base).text;
    // Meanwhile on the canvas: ESXi renamed, a service added on Ubuntu, the title changed.
    const current: DiagramDocument = {
      ...base,
      title: 'Lab 2',
      nodes: [
        ...base.nodes.map((n) => (n.id === 'hv-1' ? { ...n, label: 'ESXi 8' } : n)),
        { id: 'svc-1', kind: 'service', label: 'Web', position: { x: 0, y: 100 } }
      ],
      edges: [...base.edges, { id: 'edge-10', source: 'os-1', target: 'svc-1' }]
    };
    // In the text: Ubuntu renamed, and a second guest added.
    const edited = text.replace('Ubuntu #os-1', 'Debian #os-1') + '    os Alpine\n';
    const merged = mergeTextDocument(current, read(edited), base);
    expect(merged.title).toBe('Lab 2');
    expect(merged.nodes.map((n) => n.label)).toEqual([
      'Server',
      'ESXi 8',
      'Debian',
      'Alpine',
      'Web'
    ]);
    expect(merged.edges.map((e) => e.id)).toEqual(['edge-7', 'edge-9', 'e3', 'edge-10']);
    // Deleted on the canvas and left alone in the text: stays deleted.
    const without: DiagramDocument = {
      ...base,
      nodes: base.nodes.slice(0, 2),
      edges: base.edges.slice(0, 1)
    };
    const again = mergeTextDocument(without, read(text + '    os Alpine\n'), base);
    expect(again.nodes.map((n) => n.id)).toEqual(['hw-1', 'hv-1', 'hv-1/alpine']);
    expect(again.edges.map((e) => [e.source, e.target])).toEqual([
      ['hw-1', 'hv-1'],
      ['hv-1', 'hv-1/alpine']
    ]);
  });
});
