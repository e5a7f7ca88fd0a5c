/**
 * Ids that are JavaScript's own names (`__proto__`, `constructor`, …) are ordinary ids: every
 * id-keyed table of the core is a Map or a null-prototype object. A property test draws node
 * and edge ids from such names and runs read → validate → layout → export → every command.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nodeElk } from '../node/elk';
import { loadFontSources } from '../node/fonts';
import {
  addNode,
  applyFix,
  connect,
  copySelection,
  deleteElements,
  isRefused,
  moveNodes,
  paste,
  setHost,
  setTitle,
  updateNode,
  type Outcome
} from './commands/commands';
import { History } from './commands/history';
import { exportSvg, measureDocument } from './export/pipeline';
import { layoutDocument, withPositions } from './layout/layout';
import { KINDS } from './model/kinds';
import { readDocument } from './model/read';
import type { DiagramDocument } from './model/types';
import { validate } from './rules/validate';

const OWN_NAMES = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  '__defineGetter__',
  'isPrototypeOf',
  '__lookupSetter__'
];
const elk = nodeElk();

/** Documents whose ids are mostly JavaScript's own names, as JSON text (as read from a file). */
const arbText = fc
  .uniqueArray(fc.constantFrom(...OWN_NAMES, 'hw', 'os', 'svc'), { minLength: 1, maxLength: 8 })
  .chain((ids) =>
    fc.record({
      kinds: fc.array(fc.constantFrom(...KINDS), { minLength: ids.length, maxLength: ids.length }),
      // Two different nodes (none when there is only one).
      pairs: fc.uniqueArray(
        fc
          .tuple(fc.nat(ids.length - 1), fc.nat(Math.max(0, ids.length - 2)))
          .map(([a, k]) => [a, (a + 1 + k) % ids.length] as const),
        {
          maxLength: ids.length > 1 ? 10 : 0,
          selector: ([a, b]) => `${a}>${b}`
        }
      ),
      edgeIds: fc.shuffledSubarray(OWN_NAMES, { minLength: 0, maxLength: OWN_NAMES.length }),
      ids: fc.constant(ids)
    })
  )
  .map(({ ids, kinds, pairs, edgeIds }) =>
    JSON.stringify({
      version: 1,
      nodes: ids.map((id, i) => ({ id, kind: i === 0 ? 'hardware' : kinds[i], label: id })),
      edges: pairs.map(([a, b], i) => ({
        id: edgeIds[i] ?? `e${i}`,
        source: ids[a],
        target: ids[b]
      }))
    })
  );

function done(o: Outcome): DiagramDocument | undefined {
  return isRefused(o) ? undefined : o.doc;
}

async function everything(text: string): Promise<void> {
  const read = readDocument(text);
  expect(read.ok).toBe(true);
  if (!read.ok) return;
  const doc = read.document;
  const ids = doc.nodes.map((n) => n.id);
  const report = validate(doc);
  for (const d of report.diagnostics) for (const id of d.nodes) expect(ids).toContain(id);

  // Layout: every node placed, every edge routed, positions written back.
  const { sizes } = measureDocument(doc);
  for (const id of ids) expect(Object.hasOwn(sizes, id)).toBe(true);
  const layout = await layoutDocument({ doc, sizes, elk });
  for (const id of ids) expect(Number.isFinite(layout.nodes[id]?.x)).toBe(true);
  for (const e of doc.edges) expect(layout.edges[e.id]?.points.length).toBeGreaterThan(1);
  const placed = withPositions(doc, layout);
  expect(placed.nodes.every((n) => n.position)).toBe(true);

  // Export both views, with the font subset as the CLI does; the picture carries the same
  // document back.
  const fonts = await loadFontSources();
  for (const view of ['graph', 'blocks'] as const) {
    const svg = await exportSvg({ doc: placed, elk, fonts, options: { view } });
    const back = readDocument(svg);
    expect(back.ok && back.document.nodes.map((n) => n.id)).toEqual(ids);
  }

  // Every command, on every id.
  const history = new History();
  for (const id of ids) {
    const moved = done(moveNodes(placed, { positions: { [id]: { x: 7, y: 9 } } }));
    expect(moved?.nodes.find((n) => n.id === id)?.position).toEqual({ x: 7, y: 9 });
    const moreMoved = moveNodes(placed, { positions: new Map([[id, { x: 1, y: 2 }]]) });
    expect(isRefused(moreMoved)).toBe(false);
    expect(
      done(updateNode(doc, { id, patch: { label: `${id}!` } }))?.nodes.find((n) => n.id === id)
        ?.label
    ).toBe(`${id}!`);
    const added = done(addNode(doc, { kind: 'service', onto: id }));
    expect(added?.nodes.length).toBe(doc.nodes.length + 1);
    expect(done(deleteElements(doc, { nodes: [id] }))?.nodes.map((n) => n.id)).not.toContain(id);
    for (const other of ids) {
      if (other === id) continue;
      connect(doc, { source: id, target: other });
      setHost(doc, { node: other, host: id });
    }
    const clip = copySelection(doc, [id]);
    const pasted = done(paste(doc, { clip }));
    expect(pasted?.nodes.length).toBe(doc.nodes.length + 1);
    history.record({ doc, selection: [id] }, 'edit', id);
  }
  for (const e of doc.edges) {
    expect(done(deleteElements(doc, { edges: [e.id] }))?.edges.map((x) => x.id)).not.toContain(
      e.id
    );
  }
  for (const d of report.diagnostics) if (d.fix) applyFix(doc, { fix: d.fix });
  setTitle(doc, { title: '__proto__' });
  expect(history.undo({ doc, selection: [] })).toBeDefined();
}

describe("ids that are JavaScript's own names", () => {
  it('the issue input: a hardware node with id "__proto__" is read, validated, laid out, exported', async () => {
    await everything(
      '{"version":1,"nodes":[{"id":"__proto__","kind":"hardware","label":"PC"}],"edges":[]}'
    );
  });
  it('the same id on an edge', async () => {
    await everything(
      JSON.stringify({
        version: 1,
        nodes: [
          { id: 'constructor', kind: 'hardware', label: 'PC' },
          { id: 'toString', kind: 'os', label: 'OS' }
        ],
        edges: [{ id: '__proto__', source: 'constructor', target: 'toString' }]
      })
    );
  });
  it('property: any document with such ids goes through everything', async () => {
    await fc.assert(fc.asyncProperty(arbText, everything), { numRuns: 60 });
  });
});
