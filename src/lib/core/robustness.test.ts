/**
 * Deep and wide documents: walks are iterative (no stack overflow) and nothing is
 * quadratic. Sizes and limits from the hardening issue.
 */
import { describe, expect, it } from 'vitest';
import { nodeElk } from '../node/elk';
import { exportSvg } from './export/pipeline';
import { parseSvg } from './export/svg.fixture';
import { readDocument } from './model/read';
import type { DiagramDocument } from './model/types';
import { validate } from './rules/validate';

/** hardware → 10,000 layers, each running on the one below. */
function chain(layers: number): DiagramDocument {
  const nodes: DiagramDocument['nodes'] = [{ id: 'hw', kind: 'hardware', label: 'Server' }];
  const edges: DiagramDocument['edges'] = [];
  for (let i = 0; i < layers; i++) {
    nodes.push({ id: `n${i}`, kind: i % 2 ? 'os' : 'hypervisor', label: `Layer ${i}` });
    edges.push({ id: `e${i}`, source: i ? `n${i - 1}` : 'hw', target: `n${i}` });
  }
  return { version: 1, nodes, edges };
}

/** M machines, each a hypervisor with guests: M × (2 + guests) nodes, with positions. */
function wide(machines: number, guests: number): DiagramDocument {
  const d: DiagramDocument = { version: 1, nodes: [], edges: [] };
  for (let m = 0; m < machines; m++) {
    const x = m * 400;
    d.nodes.push({ id: `hw${m}`, kind: 'hardware', label: `Server ${m}`, position: { x, y: 0 } });
    d.nodes.push({ id: `hv${m}`, kind: 'hypervisor', label: 'ESXi', position: { x, y: -90 } });
    d.edges.push({ id: `a${m}`, source: `hw${m}`, target: `hv${m}` });
    for (let g = 0; g < guests; g++) {
      d.nodes.push({
        id: `g${m}-${g}`,
        kind: 'os',
        label: `VM ${g}`,
        position: { x: x + g * 150, y: -180 }
      });
      d.edges.push({ id: `b${m}-${g}`, source: `hv${m}`, target: `g${m}-${g}` });
    }
  }
  return d;
}

describe('deep and wide documents', () => {
  it('a 10,000-layer chain is validated and exported without overflowing the stack', async () => {
    const doc = chain(10_000);
    const report = validate(doc);
    expect(report.stacks).toHaveLength(1);
    expect(report.stacks[0].nodes).toHaveLength(10_001);
    // Every OS on a hypervisor is fine; every hypervisor on an OS is nested, not wrong.
    expect(report.valid).toBe(true);
    const svg = await exportSvg({ doc, elk: nodeElk() });
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg.match(/<g data-kind=/g)).toHaveLength(10_001);
  });

  it('a 10,000-layer chain of errors reports each one', () => {
    const doc = chain(10_000);
    for (const n of doc.nodes) if (n.kind !== 'hardware') n.kind = 'os';
    const report = validate(doc);
    expect(report.diagnostics.filter((d) => d.rule === 'invalid-host')).toHaveLength(9_999);
  });

  it('a 50,000-node document is validated and exported', async () => {
    const doc = wide(1_000, 48);
    expect(doc.nodes).toHaveLength(50_000);
    const read = readDocument(JSON.stringify(doc));
    expect(read.ok).toBe(true);
    const report = validate(doc);
    expect(report.valid).toBe(true);
    expect(report.stacks).toHaveLength(1_000);
    const svg = await exportSvg({ doc, elk: nodeElk(), options: { markers: false } });
    expect(svg.match(/<g data-kind=/g)).toHaveLength(50_000);
  });

  it('an exported 2,000-node picture parses as XML', async () => {
    const svg = await exportSvg({ doc: wide(40, 48), elk: nodeElk() });
    expect(parseSvg(svg).documentElement?.localName).toBe('svg');
  });
});

describe('limits', () => {
  it('refuses files over 10 MB, saying the limit', () => {
    const text = JSON.stringify({ version: 1, title: 'x'.repeat(10 * 1024 * 1024), nodes: [] });
    const r = readDocument(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatchObject({ code: 'too-large', path: '$' });
    if (!r.ok) expect(r.errors[0].message).toMatch(/over the limit of 10 MB/);
    expect(readDocument(text, { maxBytes: 20 * 1024 * 1024 }).ok).toBe(true);
  });

  it('counts bytes, not characters: 4 million Hangul syllables are 12 MB', () => {
    const r = readDocument(
      JSON.stringify({ version: 1, title: '가'.repeat(4_000_000), nodes: [] })
    );
    expect(r.ok).toBe(false);
  });

  it('refuses documents over 50,000 nodes, saying the limit', () => {
    const doc = wide(1_000, 48);
    doc.nodes.push({ id: 'extra', kind: 'hardware', label: 'One more' });
    const r = readDocument(JSON.stringify(doc));
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.errors[0].message).toBe('the document has 50001 nodes, over the limit of 50000');
    expect(readDocument(JSON.stringify(doc), { maxNodes: 60_000 }).ok).toBe(true);
  });
});
