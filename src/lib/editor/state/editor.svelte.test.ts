import { describe, expect, it } from 'vitest';
import { PRESETS, type DiagramDocument } from '$lib/core/index';
import { Editor } from './editor.svelte';

const preset = (id: string) => PRESETS.find((p) => p.id === id)!;
const TYPE1: DiagramDocument = {
  version: 1,
  nodes: [
    { id: 'hw', kind: 'hardware', label: 'Server', position: { x: 0, y: 0 } },
    { id: 'esxi', kind: 'hypervisor', label: 'ESXi', position: { x: 0, y: -90 } }
  ],
  edges: [{ id: 'e1', source: 'hw', target: 'esxi' }]
};

describe('Editor (the command layer the UI calls)', () => {
  it('builds a stack from the palette on the selected node, and the report follows', () => {
    const ed = new Editor();
    ed.load({ version: 1, nodes: [], edges: [] });
    ed.addPreset(preset('kind-hardware'));
    ed.addPreset(preset('windows-11'));
    ed.addPreset(preset('virtualbox'));
    ed.addPreset(preset('ubuntu'));
    expect(ed.doc.nodes.map((n) => n.label)).toEqual([
      'Server',
      'Windows 11',
      'VirtualBox',
      'Ubuntu'
    ]);
    expect(ed.report.stacks[0].classification).toBe('type2');
    expect(ed.renaming).toBe(ed.selection[0]);
    // New nodes are placed above their host before any automatic layout.
    const [hw, os] = ed.doc.nodes;
    expect(os.position!.y).toBeLessThan(hw.position!.y);
  });

  it('every change is undoable, and redo walks forward again', () => {
    const ed = new Editor();
    ed.load(TYPE1);
    ed.select(['esxi']);
    ed.addPreset(preset('web'));
    expect(ed.report.diagnostics.map((d) => d.rule)).toContain('invalid-host');
    const fix = ed.report.diagnostics.find((d) => d.rule === 'invalid-host')!.fix!;
    ed.fix(fix);
    expect(ed.report.valid).toBe(true);
    ed.undo();
    expect(ed.report.diagnostics.map((d) => d.rule)).toContain('invalid-host');
    ed.redo();
    expect(ed.report.valid).toBe(true);
    ed.undo();
    ed.undo();
    expect(ed.doc).toEqual(TYPE1);
    expect(ed.canUndo).toBe(false);
  });

  it('drops a layout result older than the document', () => {
    const ed = new Editor();
    ed.load(TYPE1);
    const stale = ed.revision;
    ed.rename('esxi', 'ESXi 8');
    expect(ed.applyLayout({ esxi: { x: 500, y: 500 } }, stale)).toBe(false);
    expect(ed.doc.nodes[1].position).toEqual({ x: 0, y: -90 });
    expect(ed.applyLayout({ esxi: { x: 500, y: 500 } }, ed.revision)).toBe(true);
    expect(ed.doc.nodes[1].position).toEqual({ x: 500, y: 500 });
    // Automatic layout is part of the change that caused it: one undo takes both back.
    ed.undo();
    expect(ed.doc).toEqual(TYPE1);
  });

  it('copy and paste keep the edges inside the selection, with new ids', () => {
    const ed = new Editor();
    ed.load(TYPE1);
    ed.select(['hw', 'esxi']);
    ed.copy();
    ed.paste('copied');
    expect(ed.doc.nodes).toHaveLength(4);
    expect(ed.selection).toEqual(['hw-1', 'hv-1']);
    expect(ed.doc.edges.at(-1)).toMatchObject({ source: 'hw-1', target: 'hv-1' });
    expect(ed.report.stacks).toHaveLength(2);
  });

  it('dropping a node onto its own guest does not make a loop', () => {
    const ed = new Editor();
    ed.load(TYPE1);
    ed.setHost('hw', 'esxi', { x: 10, y: 10 });
    expect(ed.doc.edges).toEqual(TYPE1.edges);
    expect(ed.doc.nodes[0].position).toEqual({ x: 10, y: 10 });
  });

  it('replacing the document (New, Open, an example) is one undo away', () => {
    const ed = new Editor();
    ed.load(TYPE1);
    ed.replace({ version: 1, nodes: [], edges: [] });
    expect(ed.doc.nodes).toHaveLength(0);
    ed.undo();
    expect(ed.doc).toEqual(TYPE1);
  });
});

describe('Editor: redundancy (clusters, What if, consolidation)', () => {
  const twoHosts = (): DiagramDocument => ({
    version: 1,
    nodes: [
      { id: 's1', kind: 'hardware', label: 'Server 1' },
      { id: 's2', kind: 'hardware', label: 'Server 2' },
      { id: 'h1', kind: 'hypervisor', label: 'ESXi' },
      { id: 'h2', kind: 'hypervisor', label: 'ESXi' },
      { id: 'vm', kind: 'os', label: 'VM', protection: 'ha' },
      { id: 'web', kind: 'service', label: 'Web' }
    ],
    edges: [
      { id: 'e1', source: 's1', target: 'h1' },
      { id: 'e2', source: 's2', target: 'h2' },
      { id: 'e3', source: 'h1', target: 'vm' },
      { id: 'e4', source: 'vm', target: 'web' }
    ]
  });

  it('a cluster made of the selection is shown in the Inspector, and one undo removes it', () => {
    const ed = new Editor();
    ed.load(twoHosts());
    ed.select(['web', 's2']);
    ed.makeCluster();
    expect(ed.doc.clusters).toEqual([
      { id: 'cluster-1', label: 'Cluster 1', members: ['s1', 's2'], ha: true }
    ]);
    expect(ed.selectedCluster).toBe('cluster-1');
    expect(ed.report.diagnostics.map((d) => d.rule)).not.toContain('ha-no-cluster');
    ed.undo();
    expect(ed.doc.clusters).toBeUndefined();
  });

  it('What if: failing never changes the document; failures of nodes undone away are dropped', () => {
    const ed = new Editor();
    ed.load(twoHosts());
    ed.makeCluster(['s1', 's2']);
    const before = ed.doc;
    ed.whatIf.start(['s1']);
    expect(ed.whatIf.outcome!.services).toEqual([{ id: 'web', state: 'restarted', on: 's2' }]);
    ed.whatIf.toggle('s2');
    expect(ed.whatIf.outcome!.services).toEqual([{ id: 'web', state: 'down' }]);
    expect(ed.doc).toBe(before);
    // In the mode, undo and every command wait: the document stays as shown.
    ed.whatIf.stop();
    ed.select(['h2']);
    ed.addPreset(preset('kind-os'));
    const added = ed.selection[0];
    const withAdded = ed.doc;
    ed.whatIf.start([added]);
    expect(ed.canUndo).toBe(false);
    ed.undo();
    ed.deleteSelection();
    expect(ed.doc).toBe(withAdded);
    expect(ed.notice?.text).toMatch(/only shows/);
    // A failed node that is gone (the document replaced under the mode) is dropped.
    ed.whatIf.stop();
    ed.undo();
    ed.whatIf.start([added]);
    expect(ed.whatIf.failed).toEqual([]);
    expect(ed.whatIf.outcome).toBeUndefined();
    ed.whatIf.stop();
    expect(ed.whatIf.active).toBe(false);
  });

  it('consolidation says "8 physical servers → 2 (4:1)" in the UI language', () => {
    const doc: DiagramDocument = { version: 1, nodes: [], edges: [] };
    for (let i = 1; i <= 8; i++) {
      doc.nodes.push(
        { id: `hw${i}`, kind: 'hardware', label: `Server ${i}` },
        { id: `os${i}`, kind: 'os', label: 'Windows Server' },
        { id: `s${i}`, kind: 'service', label: `Service ${i}` }
      );
      doc.edges.push(
        { id: `a${i}`, source: `hw${i}`, target: `os${i}` },
        { id: `b${i}`, source: `os${i}`, target: `s${i}` }
      );
    }
    const ed = new Editor();
    ed.load(doc);
    ed.lang = 'ko';
    expect(ed.consolidate({ machines: doc.nodes.map((n) => n.id), product: 'VMware ESXi' })).toBe(
      true
    );
    expect(ed.notice?.text).toBe('물리 서버 8대 → 2대 (4:1)');
    expect(ed.figures).toMatchObject({ machines: 2, guests: 8, services: 8 });
    ed.undo();
    expect(ed.doc).toBe(doc);
    // Not dedicated servers: refused, said, nothing changed.
    expect(ed.consolidate({ machines: ['nothing'], product: 'VMware ESXi' })).toBe(false);
    expect(ed.notice?.kind).toBe('error');
  });
});

describe('Editor: positions and structure', () => {
  it('moving nodes, undoing the move and a layout landing leave the structure (what validation and measuring read) alone', () => {
    const ed = new Editor();
    ed.load(TYPE1);
    const structure = ed.structure;
    ed.move({ hw: { x: 50, y: 0 } });
    expect(ed.doc.nodes[0].position).toEqual({ x: 50, y: 0 });
    ed.undo();
    expect(ed.doc.nodes[0].position).toEqual({ x: 0, y: 0 });
    ed.redo();
    ed.applyLayout({ esxi: { x: 50, y: -90 } }, ed.revision);
    expect(ed.doc.nodes[1].position).toEqual({ x: 50, y: -90 });
    expect(ed.structure).toBe(structure);
    ed.rename('esxi', 'ESXi 8');
    expect(ed.structure).toBe(ed.doc);
    expect(ed.measured.boxes.esxi.lines).toEqual(['ESXi 8']);
    expect(ed.report.stacks[0].classification).toBe('type1');
  });

  it('a change of structure, and its undo, are validated again', () => {
    const ed = new Editor();
    ed.load(TYPE1);
    ed.select(['esxi']);
    ed.addPreset(preset('web'));
    expect(ed.report.diagnostics.map((d) => d.rule)).toContain('invalid-host');
    ed.undo();
    expect(ed.report.diagnostics.map((d) => d.rule)).not.toContain('invalid-host');
    ed.redo();
    expect(ed.report.diagnostics.map((d) => d.rule)).toContain('invalid-host');
  });
});
