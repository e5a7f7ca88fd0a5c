/**
 * Fuzzing the whole pipeline: read → validate → layout → export, with random JSON,
 * mutated valid documents, semantically random documents, huge labels and every Unicode
 * plane. Nothing may throw or hang; every rejection is an input error with a JSON path;
 * every picture is well-formed XML with nothing executable in it.
 * A short run is part of `npm test`; `npm run fuzz` runs it long (FUZZ_RUNS).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readDocument } from './model/read';
import { KINDS, type DiagramDocument } from './model/types';
import { validate } from './rules/validate';
import { exportSvg } from './export/pipeline';
import { nodeElk } from '../node/elk';
import { activeContent, parseSvg } from './export/svg.fixture';
import { examples } from './layout/examples.fixture';

const RUNS = Number(process.env.FUZZ_RUNS ?? 0) || 1;
const scaled = (n: number) => Math.max(1, Math.round(n * RUNS));
const elk = nodeElk();

async function throughPipeline(text: string): Promise<void> {
  const read = readDocument(text);
  if (!read.ok) {
    expect(read.errors.length).toBeGreaterThan(0);
    for (const e of read.errors) {
      expect(e.path.startsWith('$')).toBe(true);
      expect(e.message.length).toBeGreaterThan(0);
    }
    return;
  }
  const report = validate(read.document);
  expect(typeof report.valid).toBe('boolean');
  const svg = await exportSvg({ doc: read.document, elk, options: { view: 'graph' } });
  expect(activeContent(parseSvg(svg))).toEqual([]);
  const blocks = await exportSvg({ doc: read.document, elk, options: { view: 'blocks' } });
  expect(activeContent(parseSvg(blocks))).toEqual([]);
  // The picture carries the document back.
  const again = readDocument(svg, { maxBytes: 1e9 });
  expect(again.ok).toBe(true);
}

const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom(
    '<script>alert(1)</script>',
    ']]>',
    '<!--',
    '{{ x }}',
    '\u202eevil',
    '\u200b',
    '\u0000',
    'javascript:alert(1)',
    '" onload="alert(1)'
  )
);

const arbDoc: fc.Arbitrary<DiagramDocument> = fc
  .integer({ min: 0, max: 14 })
  .chain((n) =>
    fc.record({
      title: fc.option(anyText, { nil: undefined }),
      nodes: fc.tuple(
        ...Array.from({ length: n }, (_, i) =>
          fc.record({
            id: fc.constant(`n${i}`),
            kind: fc.constantFrom(...KINDS),
            label: anyText,
            product: fc.option(anyText, { nil: undefined })
          })
        )
      ),
      edges:
        n < 2
          ? fc.constant<[number, number][]>([])
          : fc.uniqueArray(
              fc.tuple(fc.nat(n - 1), fc.nat(n - 1)).filter(([a, b]) => a !== b),
              { maxLength: n * 2, selector: ([a, b]) => `${a}>${b}` }
            )
    })
  )
  .map(({ title, nodes, edges }) => {
    const d: DiagramDocument = {
      version: 1,
      nodes: nodes.map((x) => {
        const node = { id: x.id, kind: x.kind, label: x.label } as DiagramDocument['nodes'][number];
        if (x.product !== undefined) node.product = x.product;
        return node;
      }),
      edges: edges.map(([a, b], i) => ({ id: `e${i}`, source: `n${a}`, target: `n${b}` }))
    };
    if (title !== undefined) d.title = title;
    return d;
  });

/** Random changes to a valid document: drop, retype or duplicate things. */
const mutation = fc.record({
  where: fc.constantFrom('node', 'edge', 'root'),
  index: fc.nat(40),
  field: fc.constantFrom(
    'id',
    'kind',
    'label',
    'source',
    'target',
    'hypervisorType',
    'expect',
    'version',
    'nodes',
    'edges',
    'position'
  ),
  value: fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constant(undefined))
});

function mutate(
  doc: unknown,
  ms: { where: string; index: number; field: string; value: unknown }[]
): unknown {
  const d = structuredClone(doc) as Record<string, unknown>;
  for (const m of ms) {
    const list = (m.where === 'node' ? d.nodes : m.where === 'edge' ? d.edges : undefined) as
      unknown[] | undefined;
    const target =
      m.where === 'root' ? d : list && list.length ? list[m.index % list.length] : undefined;
    if (!target || typeof target !== 'object') continue;
    if (m.value === undefined) delete (target as Record<string, unknown>)[m.field];
    else (target as Record<string, unknown>)[m.field] = m.value;
  }
  return d;
}

describe('fuzzing read → validate → layout → export', () => {
  it('random JSON', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (v) => throughPipeline(JSON.stringify(v) ?? 'null')),
      { numRuns: scaled(150) }
    );
  });

  it('random text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 200 }), throughPipeline),
      {
        numRuns: scaled(100)
      }
    );
  });

  it('mutated valid documents', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...Object.values(examples())),
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        async (doc, ms) => throughPipeline(JSON.stringify(mutate(doc, ms)))
      ),
      { numRuns: scaled(120) }
    );
  });

  it('semantically random documents with hostile, multi-plane labels', async () => {
    await fc.assert(
      fc.asyncProperty(arbDoc, async (d) => throughPipeline(JSON.stringify(d))),
      {
        numRuns: scaled(80)
      }
    );
  });

  it('huge labels: 100,000 characters', async () => {
    const big = 'ESXi '.repeat(20_000);
    const word = '가'.repeat(100_000);
    await throughPipeline(
      JSON.stringify({
        version: 1,
        title: big,
        nodes: [
          { id: 'hw', kind: 'hardware', label: word },
          { id: 'hv', kind: 'hypervisor', label: big, product: word }
        ],
        edges: [{ id: 'e', source: 'hw', target: 'hv' }]
      })
    );
  });
});

/**
 * Generators from the second hardening round's kinds of fault: each finding became a named
 * regression test (proto-ids.test.ts, layout.test.ts, read.test.ts, png.test.ts).
 */
describe('fuzzing the second round: expensive documents within the limits', () => {
  it('dense graphs: every node on many before it, laid out and exported in bounded time', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 2, max: 40 }),
        fc.double({ min: 0.3, max: 1, noNaN: true }),
        fc.nat(1000),
        async (n, density, seed) => {
          const nodes = Array.from({ length: n }, (_, i) => ({
            id: `n${i}`,
            kind: i === 0 ? 'hardware' : KINDS[1 + ((i * 7 + seed) % (KINDS.length - 1))],
            label: `x${i}`
          }));
          const edges: { id: string; source: string; target: string }[] = [];
          for (let i = 1; i < n; i++)
            for (let j = 0; j < i; j++)
              if (((i * 131 + j * 17 + seed) % 100) / 100 < density)
                edges.push({ id: `e${j}_${i}`, source: `n${j}`, target: `n${i}` });
          await throughPipeline(JSON.stringify({ version: 1, nodes, edges }));
        }
      ),
      { numRuns: scaled(12) }
    );
  });

  it('pathological SVG wrappers: read as data, the right <metadata> or a clear refusal', async () => {
    const doc = JSON.stringify(examples()['type1-esxi']);
    const piece = fc.constantFrom(
      '<metadata id="stackdraw-document">',
      '<metadata id="other">x</metadata>',
      '</metadata>',
      '<!--',
      '-->',
      '<![CDATA[',
      ']]>',
      '<g data-x=\'<metadata id="stackdraw-document">\'>',
      '&amp;',
      '&lt;',
      '<?xml version="1.0"?>',
      '<!DOCTYPE svg [<!ENTITY x "y">]>',
      '<metadata id="stackdraw-document"><metadata>'
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(piece, { maxLength: 12 }),
        fc.array(piece, { maxLength: 12 }),
        fc.integer({ min: 0, max: 300 }),
        async (before, after, repeat) => {
          const svg = `<svg>${before.join('')}${'<metadata id="stackdraw-document">'.repeat(repeat)}<metadata id="stackdraw-document">${doc}</metadata>${after.join('')}</svg>`;
          await throughPipeline(svg);
        }
      ),
      { numRuns: scaled(60) }
    );
  });

  it('deep JSON in unknown fields: refused past 64 levels with its path, never a crash', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 300 }),
        fc.constantFrom('[', '{"a":'),
        fc.constantFrom('node', 'root', 'edge'),
        async (depth, open, where) => {
          const close = open === '[' ? ']' : '}';
          const deep = `${open.repeat(depth)}1${close.repeat(depth)}`;
          const node = `{"id":"hw","kind":"hardware","label":"x"${where === 'node' ? `,"extra":${deep}` : ''}}`;
          const edge =
            where === 'edge' ? `{"id":"e","source":"hw","target":"o","extra":${deep}}` : '';
          const text = `{"version":1${where === 'root' ? `,"extra":${deep}` : ''},"nodes":[${node},{"id":"o","kind":"os","label":"o"}],"edges":[${edge}]}`;
          const read = readDocument(text);
          // The document is level 1, the field its child: refused from 64 levels of value.
          const level = depth + (where === 'root' ? 1 : 3);
          expect(read.ok).toBe(level <= 64);
          if (!read.ok) expect(read.errors[0].path).toMatch(/extra/);
          await throughPipeline(text);
        }
      ),
      { numRuns: scaled(60) }
    );
  });

  it('extreme positions: refused beyond ±1,000,000 px, and what is accepted exports finite', async () => {
    const coordinate = fc.oneof(
      fc.double({ min: -2e6, max: 2e6, noNaN: true }),
      fc.constantFrom(1e300, -1e300, 1e6, -1e6, 1e6 + 0.5, 0, -0)
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(coordinate, coordinate), { minLength: 1, maxLength: 6 }),
        async (points) => {
          const nodes = points.map(([x, y], i) => ({
            id: `n${i}`,
            kind: i === 0 ? 'hardware' : 'os',
            label: `n${i}`,
            position: { x, y }
          }));
          const edges = nodes.slice(1).map((n, i) => ({ id: `e${i}`, source: 'n0', target: n.id }));
          const text = JSON.stringify({ version: 1, nodes, edges });
          const read = readDocument(text);
          const inside = points.every(([x, y]) => Math.abs(x) <= 1e6 && Math.abs(y) <= 1e6);
          expect(read.ok).toBe(inside);
          if (!read.ok) return;
          const svg = await exportSvg({ doc: read.document, elk, options: { view: 'graph' } });
          const size = /width="([^"]+)" height="([^"]+)"/.exec(svg)!;
          expect(Number.isFinite(Number(size[1])) && Number.isFinite(Number(size[2]))).toBe(true);
        }
      ),
      { numRuns: scaled(60) }
    );
  });
});
