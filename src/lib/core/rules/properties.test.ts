import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkDocument } from '../model/read';
import { KINDS, type DiagramDocument, type DiagramNode } from '../model/types';
import { renderDiagnostic } from './messages/render';
import { validate } from './validate';

const LABELS = [
  'ESXi 8',
  'Hyper-V',
  'KVM',
  'Xen',
  'VirtualBox',
  'VMware Workstation',
  'Parallels',
  'Windows 11',
  'Ubuntu',
  '우분투 서버',
  '웹 서버',
  'Dell R740',
  'UEFI',
  'Web',
  ''
];

/** Schema-valid documents with random structure: every kind, any edges. */
const arbDocument: fc.Arbitrary<DiagramDocument> = fc
  .integer({ min: 0, max: 18 })
  .chain((n) =>
    fc.record({
      nodes: fc.tuple(
        ...Array.from({ length: n }, (_, i) =>
          fc.record(
            {
              id: fc.constant(`n${i}`),
              kind: fc.constantFrom(...KINDS),
              label: fc.oneof(fc.constantFrom(...LABELS), fc.string({ maxLength: 8 })),
              hypervisorType: fc.constantFrom(1 as const, 2 as const),
              product: fc.constantFrom('VMware ESXi', 'VirtualBox', 'Proxmox'),
              expect: fc.constantFrom('type1' as const, 'type2' as const, 'dedicated' as const)
            },
            { requiredKeys: ['id', 'kind', 'label'] }
          )
        )
      ),
      edges:
        n < 2
          ? fc.constant<[number, number][]>([])
          : fc.uniqueArray(
              fc
                .tuple(fc.integer({ min: 0, max: n - 1 }), fc.integer({ min: 0, max: n - 1 }))
                .filter(([a, b]) => a !== b),
              { maxLength: n * 2, selector: ([a, b]) => `${a}>${b}` }
            )
    })
  )
  .map(({ nodes, edges }) => ({
    version: 1 as const,
    nodes: nodes.map((node) => {
      const out: DiagramNode = { ...node };
      if (out.kind !== 'hypervisor') delete out.hypervisorType;
      if (out.kind !== 'hardware') delete out.expect;
      return out;
    }),
    edges: edges.map(([a, b], i) => ({ id: `e${i}`, source: `n${a}`, target: `n${b}` }))
  }));

function shuffle<T>(items: readonly T[], keys: readonly number[]): T[] {
  return items
    .map((item, i) => ({ item, key: keys[i % Math.max(keys.length, 1)] ?? 0, i }))
    .sort((a, b) => a.key - b.key || b.i - a.i)
    .map((x) => x.item);
}

describe('rules engine properties', () => {
  it('never crashes, and its report is consistent', () => {
    fc.assert(
      fc.property(arbDocument, fc.constantFrom('en' as const, 'ko' as const), (d, lang) => {
        expect(checkDocument(d).ok).toBe(true);
        const r = validate(d);
        const ids = new Set(d.nodes.map((n) => n.id));
        const nodes = new Map(d.nodes.map((n) => [n.id, n]));
        expect(r.valid).toBe(!r.diagnostics.some((x) => x.severity === 'error'));
        for (const x of r.diagnostics) {
          expect(x.nodes.length).toBeGreaterThan(0);
          for (const id of x.nodes) expect(ids.has(id)).toBe(true);
          const { message, hint } = renderDiagnostic(x, nodes, lang);
          expect(message).not.toMatch(/undefined|\[object|NaN/);
          expect(hint ?? '').not.toMatch(/undefined|\[object|NaN/);
        }
        for (const s of r.stacks) {
          expect(d.nodes.find((n) => n.id === s.root)!.kind).toBe('hardware');
          expect(s.nodes[0]).toBe(s.root);
          // Nested exactly when a nested note names one of its nodes.
          const named = r.diagnostics.some(
            (x) => x.rule === 'nested' && x.nodes.some((id) => s.nodes.includes(id))
          );
          expect(s.nested).toBe(named);
        }
      }),
      { numRuns: 400 }
    );
  });

  it('the report does not depend on the order of nodes and edges', () => {
    fc.assert(
      fc.property(
        arbDocument,
        fc.array(fc.integer(), { minLength: 1, maxLength: 40 }),
        fc.array(fc.integer(), { minLength: 1, maxLength: 40 }),
        (d, nodeKeys, edgeKeys) => {
          const shuffled = {
            ...d,
            nodes: shuffle(d.nodes, nodeKeys),
            edges: shuffle(d.edges, edgeKeys)
          };
          expect(validate(shuffled, { expect: 'type1' })).toEqual(validate(d, { expect: 'type1' }));
        }
      ),
      { numRuns: 300 }
    );
  });

  it('a valid document stays valid after renaming ids', () => {
    fc.assert(
      fc.property(
        arbDocument.filter((d) => validate(d).valid),
        fc.string({ minLength: 1, maxLength: 4 }),
        (d, prefix) => {
          // A bijective renaming that also changes the ids' sort order.
          const rename = (id: string) => `${prefix}${1000 - Number(id.replace(/\D/g, ''))}:${id}`;
          const renamed: DiagramDocument = {
            ...d,
            nodes: d.nodes.map((n) => ({ ...n, id: rename(n.id) })),
            edges: d.edges.map((e) => ({
              ...e,
              id: rename(e.id),
              source: rename(e.source),
              target: rename(e.target)
            }))
          };
          const before = validate(d);
          const after = validate(renamed);
          expect(after.valid).toBe(true);
          const summary = (r: typeof before, map: (id: string) => string) =>
            r.stacks.map((s) => `${map(s.root)} ${s.classification} ${s.nested}`).sort();
          expect(summary(after, (id) => id)).toEqual(summary(before, rename));
          expect(after.diagnostics.map((x) => x.rule).sort()).toEqual(
            before.diagnostics.map((x) => x.rule).sort()
          );
        }
      ),
      { numRuns: 300 }
    );
  });

  it('reading any JSON value never throws; rejections name a JSON path', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const r = checkDocument(value);
        if (!r.ok) for (const e of r.errors) expect(e.path.startsWith('$')).toBe(true);
      }),
      { numRuns: 500 }
    );
  });
});
