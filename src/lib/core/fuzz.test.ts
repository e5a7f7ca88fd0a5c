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
