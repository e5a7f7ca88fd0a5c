/**
 * The stack text's round trip: `parseStack(printStack(doc))` is `doc` for random documents
 * (clusters, protection, replicas, capacity, positions, unknown fields, edge ids and edge
 * fields, odd labels and ids), and printing is stable.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkDocument } from '../model/read';
import { NODE_FIELDS } from '../model/kinds';
import { KINDS, type DiagramDocument, type DiagramNode } from '../model/types';
import { parse, parseStack, print, printStack, printStackLines } from './index';

const ODD = [
  'Windows Server',
  ' leading',
  'trailing ',
  'a "quoted" word',
  'back\\slash',
  'C:\\new',
  '50%% off',
  '%%',
  '[bracket]',
  'close]',
  '#hash',
  'Lab #2',
  'C# app',
  'x=1',
  'a,b',
  '서버 1 (Server 1)',
  '하이퍼바이저',
  '🖥️ box 👩‍💻',
  '',
  ' ',
  'line\nbreak',
  'tab\there',
  'cr\rhere',
  '\u2028sep',
  '\ufeffbom',
  '\u0000nul',
  'lone \ud800 surrogate',
  '"',
  '\\"',
  '{"json": true}',
  'title: x',
  'hw',
  '+plus',
  '@at',
  'e1',
  'server-1/esxi',
  '__proto__',
  'constructor'
];

const text = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...ODD) },
  { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) }
);
const id = fc.oneof(
  text.filter((s) => s !== ''),
  fc.constantFrom('a', 'e1', 'e2', 'x/y', 'n_2')
);
const json = fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.parse(JSON.stringify(v)) as unknown);
const extras = (known: ReadonlySet<string>) =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constant({}) },
    {
      weight: 1,
      arbitrary: fc.dictionary(
        text.filter((k) => !known.has(k)),
        json,
        { maxKeys: 2 }
      )
    }
  );
const NODE_KEYS = new Set<string>(['id', 'kind', 'label', ...NODE_FIELDS, 'position']);
const capacity = fc.oneof(fc.nat(256), fc.double({ min: 0, max: 1e6, noNaN: true }));

/** A random document the JSON reader accepts. */
const documents = fc
  .record({
    ids: fc.uniqueArray(id, { minLength: 0, maxLength: 9 }),
    title: fc.option(text, { nil: undefined }),
    docExtra: extras(new Set(['version', 'title', 'nodes', 'edges', 'clusters'])),
    seed: fc.array(fc.nat(), { minLength: 80, maxLength: 80 }),
    labels: fc.array(text, { minLength: 9, maxLength: 9 }),
    nodeExtras: fc.array(extras(NODE_KEYS), { minLength: 9, maxLength: 9 }),
    numbers: fc.array(capacity, { minLength: 9, maxLength: 9 }),
    edgeIds: fc.array(
      fc.oneof({ weight: 1, arbitrary: id }, { weight: 3, arbitrary: fc.constant('') }),
      {
        minLength: 40,
        maxLength: 40
      }
    ),
    edgeExtras: fc.array(extras(new Set(['id', 'source', 'target'])), {
      minLength: 40,
      maxLength: 40
    }),
    clusterIds: fc.array(id, { minLength: 3, maxLength: 3 }),
    clusterLabels: fc.array(fc.option(text, { nil: undefined }), { minLength: 3, maxLength: 3 }),
    withClusters: fc.constantFrom('none', 'empty', 'some')
  })
  .map((r) => {
    let s = 0;
    const pick = (n: number) => (n <= 0 ? 0 : r.seed[s++ % r.seed.length] % n);
    const nodes: DiagramNode[] = r.ids.map((nid, i) => {
      const kind = KINDS[pick(KINDS.length)];
      const n: DiagramNode = { id: nid, kind, label: r.labels[i] };
      const f = pick(16);
      if (f & 1) n.product = r.labels[(i + 1) % 9];
      if (kind === 'hypervisor' && f & 2) n.hypervisorType = pick(2) ? 1 : 2;
      if (kind === 'hardware' && f & 2)
        n.expect = (['type1', 'type2', 'dedicated'] as const)[pick(3)];
      if (kind === 'hardware' && f & 4) n.cores = pick(64);
      if (f & 4) n.memoryGiB = r.numbers[i];
      if (kind === 'os' && f & 8) {
        n.protection = pick(2) ? 'ha' : 'ft';
        n.vcpus = pick(9);
      }
      if (pick(4) === 0) n.position = { x: pick(2000) - 1000, y: pick(2000) / 4 };
      Object.assign(n, r.nodeExtras[i]);
      return n;
    });
    // FT copies: an OS names another OS that is no copy itself.
    const oses = nodes.filter((n) => n.kind === 'os');
    if (oses.length >= 2 && pick(2)) oses[1].replicaOf = oses[0].id;
    const edges: DiagramDocument['edges'] = [];
    const pairs = new Set<string>();
    const edgeIds = new Set<string>();
    const tries = nodes.length + pick(nodes.length * 2 + 1);
    for (let k = 0; k < tries; k++) {
      const a = pick(nodes.length);
      const b = pick(nodes.length);
      const key = `${a} ${b}`;
      if (a === b || pairs.has(key)) continue;
      pairs.add(key);
      let eid = r.edgeIds[k] || `e${edges.length + 1}`;
      if (edgeIds.has(eid)) eid = `edge ${k}`;
      edgeIds.add(eid);
      edges.push({ id: eid, source: nodes[a].id, target: nodes[b].id, ...r.edgeExtras[k] });
    }
    const d: DiagramDocument = { version: 1, nodes, edges, ...r.docExtra };
    if (r.title !== undefined) d.title = r.title;
    if (r.withClusters !== 'none') {
      d.clusters = [];
      if (r.withClusters === 'some') {
        const hosted = new Set(edges.map((e) => e.target));
        const roots = nodes.filter((n) => n.kind === 'hardware' && !hosted.has(n.id));
        const used = new Set(nodes.map((n) => n.id));
        r.clusterIds.forEach((cid, c) => {
          if (used.has(cid)) return;
          used.add(cid);
          const members = roots.filter((_, j) => j % 3 === c).map((n) => n.id);
          const cluster: NonNullable<DiagramDocument['clusters']>[number] = { id: cid, members };
          if (r.clusterLabels[c] !== undefined) cluster.label = r.clusterLabels[c];
          if (pick(3) === 0) cluster.ha = pick(2) === 0;
          d.clusters!.push(cluster);
        });
      }
    }
    return d;
  });

/** The same document with its nodes and edges in id order (the text writes stack order). */
function sorted(d: DiagramDocument): DiagramDocument {
  const by = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return { ...d, nodes: [...d.nodes].sort(by), edges: [...d.edges].sort(by) };
}

const RUNS = { numRuns: 300 };

describe('parseStack(printStack(doc)) is doc', () => {
  it('for random documents the JSON reader accepts (nodes and edges in stack order)', () => {
    fc.assert(
      fc.property(documents, (doc) => {
        const read = checkDocument(doc);
        expect(read.ok, JSON.stringify(read.ok ? '' : read.errors)).toBe(true);
        const printed = printStack(doc);
        const back = parseStack(printed);
        expect(back.errors, printed).toEqual([]);
        expect(sorted(back.document!)).toEqual(sorted(doc));
      }),
      RUNS
    );
  });

  it('exactly, order included, for a document in stack order; printing is stable', () => {
    fc.assert(
      fc.property(documents, (doc) => {
        const once = printStack(doc);
        const d1 = parse(once);
        const twice = printStack(d1);
        expect(twice).toBe(once);
        expect(parse(twice)).toEqual(d1);
      }),
      RUNS
    );
  });

  it('print/parse are also exported under their short names', () => {
    fc.assert(
      fc.property(documents, (doc) => {
        expect(sorted(parse(print(doc)))).toEqual(sorted(doc));
      }),
      { numRuns: 30 }
    );
  });

  it('printStackLines gives the line each node and cluster is printed on', () => {
    fc.assert(
      fc.property(documents, (doc) => {
        const { text: printed, nodes, clusters } = printStackLines(doc);
        const parsed = parseStack(printed);
        expect(nodes.size).toBe(doc.nodes.length);
        for (const n of doc.nodes) expect(parsed.nodes.get(n.id)?.line).toBe(nodes.get(n.id));
        for (const c of doc.clusters ?? [])
          expect(parsed.clusters.get(c.id)?.line).toBe(clusters.get(c.id));
      }),
      { numRuns: 100 }
    );
  });
});

describe('any text', () => {
  const piece = fc.constantFrom(
    'hw',
    'os',
    'svc',
    'hv',
    '하드웨어',
    'cluster',
    'title:',
    '+x:',
    'version: 2',
    ' ',
    '  ',
    '\t',
    '\n',
    '\n',
    '\n  ',
    '\r\n',
    '"',
    '\\',
    '\\"',
    '#',
    '#a',
    ' #b',
    '[',
    ']',
    '=',
    ',',
    '@',
    '{',
    '}',
    '%%',
    'on=#a',
    'on=#b@e1',
    'cores=2',
    'x=1 y=2',
    'replicaOf=#a',
    'members=#a,#b',
    'ha',
    'edge=e9',
    'edge={"w":1}',
    '+n={"a":[1,"]"]}',
    'Server',
    '서버 1',
    '🖥️',
    'protection=ft',
    'expect=type1'
  );
  const texts = fc.array(piece, { maxLength: 40 }).map((p) => p.join(''));

  it('never throws; errors point inside the text; what reads cleanly prints and reads back the same', () => {
    fc.assert(
      fc.property(texts, (text) => {
        const r = parseStack(text);
        const lines = text.split(/\r\n|\r|\n/).length;
        for (const e of r.errors) {
          expect(e.line).toBeGreaterThanOrEqual(1);
          expect(e.line).toBeLessThanOrEqual(lines);
          expect(e.from).toBeLessThanOrEqual(e.to);
          expect(e.to).toBeLessThanOrEqual(text.length);
          expect(e.message).not.toBe('');
        }
        expect(r.ok).toBe(r.errors.length === 0);
        if (!r.ok) return;
        const printed = printStack(r.document!);
        const back = parse(printed);
        expect(sorted(back)).toEqual(sorted(r.document!));
        expect(printStack(back)).toBe(printed);
      }),
      { numRuns: 1000 }
    );
  });

  it('a chain deeper than the printer indents comes back whole', () => {
    const n = 200;
    const nodes: DiagramNode[] = Array.from({ length: n }, (_, i) => ({
      id: `n${i}`,
      kind: i === 0 ? 'hardware' : 'os',
      label: `Node ${i}`
    }));
    const edges = nodes
      .slice(1)
      .map((_, i) => ({ id: `e${i + 1}`, source: `n${i}`, target: `n${i + 1}` }));
    const doc: DiagramDocument = { version: 1, nodes, edges };
    const printed = printStack(doc);
    expect(Math.max(...printed.split('\n').map((l) => /^ */.exec(l)![0].length))).toBe(128);
    expect(parse(printed)).toEqual(doc);
  });
});
