import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KINDS } from '../model/kinds';
import type { DiagramDocument } from '../model/types';
import {
  addNode,
  connect,
  deleteElements,
  isRefused,
  moveNodes,
  setHost,
  updateNode,
  type Outcome
} from './commands';
import { History } from './history';

describe('History', () => {
  const d0: DiagramDocument = { version: 1, nodes: [], edges: [] };

  it('undo and redo walk back and forth', () => {
    const h = new History();
    const d1 = { ...d0, title: 'one' };
    const d2 = { ...d0, title: 'two' };
    h.record({ doc: d0, selection: [] }, 'a', undefined, 0);
    h.record({ doc: d1, selection: ['x'] }, 'b', undefined, 10_000);
    expect(h.undo({ doc: d2, selection: [] })).toEqual({ doc: d1, selection: ['x'] });
    expect(h.undo({ doc: d1, selection: ['x'] })).toEqual({ doc: d0, selection: [] });
    expect(h.undo({ doc: d0, selection: [] })).toBeUndefined();
    expect(h.redo({ doc: d0, selection: [] })?.doc).toBe(d1);
    expect(h.redo({ doc: d1, selection: [] })?.doc).toBe(d2);
    expect(h.canRedo).toBe(false);
  });

  it('a new command clears the redo stack', () => {
    const h = new History();
    h.record({ doc: d0, selection: [] }, 'a');
    h.undo({ doc: { ...d0, title: 'x' }, selection: [] });
    expect(h.canRedo).toBe(true);
    h.record({ doc: d0, selection: [] }, 'b');
    expect(h.canRedo).toBe(false);
  });

  it('coalesces commands with the same key close in time', () => {
    const h = new History(500, 1000);
    h.record({ doc: d0, selection: [] }, 'type', 'label:a', 0);
    h.record({ doc: { ...d0, title: 'x' }, selection: [] }, 'type', 'label:a', 500);
    h.record({ doc: { ...d0, title: 'xy' }, selection: [] }, 'type', 'label:a', 900);
    expect(h.undo({ doc: { ...d0, title: 'xyz' }, selection: [] })?.doc).toBe(d0);
    expect(h.canUndo).toBe(false);
  });

  it('keeps at most `limit` steps', () => {
    const h = new History(3);
    for (let i = 0; i < 10; i++) h.record({ doc: { ...d0, title: String(i) }, selection: [] }, 'x');
    let n = 0;
    while (h.undo({ doc: d0, selection: [] })) n++;
    expect(n).toBe(3);
  });
});

/** A random command against the current document, run through the history like the editor. */
type Step = { op: number; a: number; b: number; kind: number; text: string };

function perform(doc: DiagramDocument, s: Step): Outcome {
  const ids = doc.nodes.map((n) => n.id);
  const pick = (i: number) => ids[i % Math.max(ids.length, 1)];
  switch (s.op % 6) {
    case 0:
      return addNode(doc, {
        kind: KINDS[s.kind % KINDS.length],
        label: s.text,
        onto: ids.length ? pick(s.a) : undefined
      });
    case 1:
      return ids.length ? deleteElements(doc, { nodes: [pick(s.a)] }) : { error: 'empty' };
    case 2:
      return ids.length
        ? connect(doc, { source: pick(s.a), target: pick(s.b) })
        : { error: 'empty' };
    case 3:
      return ids.length
        ? updateNode(doc, {
            id: pick(s.a),
            patch: { label: s.text, kind: KINDS[s.kind % KINDS.length] }
          })
        : { error: 'empty' };
    case 4:
      return ids.length
        ? moveNodes(doc, { positions: { [pick(s.a)]: { x: s.a, y: s.b } } })
        : { error: 'empty' };
    default:
      return ids.length
        ? setHost(doc, { node: pick(s.a), host: s.b % 3 === 0 ? null : pick(s.b) })
        : { error: 'empty' };
  }
}

describe('undo/redo property', () => {
  it('any 50 commands, then as many undos, give the start back; as many redos give the end', () => {
    const step = fc.record({
      op: fc.nat(),
      a: fc.nat(100),
      b: fc.nat(100),
      kind: fc.nat(),
      text: fc.string({ maxLength: 6 })
    });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 50 }), (steps) => {
        const start: DiagramDocument = { version: 1, nodes: [], edges: [] };
        const snapshot = structuredClone(start);
        const h = new History();
        let doc = start;
        let done = 0;
        for (const s of steps) {
          const o = perform(doc, s);
          if (isRefused(o)) continue;
          h.record({ doc, selection: [] }, 'step');
          doc = o.doc;
          done++;
        }
        const end = structuredClone(doc);
        for (let i = 0; i < done; i++) doc = h.undo({ doc, selection: [] })!.doc;
        expect(doc).toEqual(snapshot);
        expect(h.canUndo).toBe(false);
        for (let i = 0; i < done; i++) doc = h.redo({ doc, selection: [] })!.doc;
        expect(doc).toEqual(end);
      }),
      { numRuns: 200 }
    );
  });
});
