import { describe, expect, it } from 'vitest';
import { coveredSegments, type Segment } from './overlap';

const v = (id: string, x: number, a: number, b: number, style = 'ok'): Segment => ({
  id,
  x1: x,
  y1: a,
  x2: x,
  y2: b,
  style
});

describe('coveredSegments', () => {
  it('hides long segments lying on the links between neighbours (all pairs on one line)', () => {
    const segs: Segment[] = [];
    for (let i = 0; i < 30; i++)
      for (let j = 0; j < i; j++) segs.push(v(`e${j}_${i}`, 90, 1000 - j * 90, 1000 - i * 90 + 50));
    // Boxes 140 × 50 px, centred on x = 90, 90 px apart: node i's top at 1000 - 90i.
    const boxes = Array.from({ length: 30 }, (_, i) => ({
      x: 20,
      y: 1000 - i * 90,
      width: 140,
      height: 50
    }));
    const hidden = coveredSegments(segs, boxes);
    const shown = segs.filter((s) => !hidden.has(s.id)).map((s) => s.id);
    // The neighbours' links stay; each covers the gap between two boxes.
    expect(shown.sort()).toEqual(Array.from({ length: 29 }, (_, j) => `e${j}_${j + 1}`).sort());
  });

  it('keeps segments that stick out, lie elsewhere, slant or differ in style', () => {
    const hidden = coveredSegments([
      v('a', 0, 0, 100),
      v('b', 0, 50, 150),
      v('c', 10, 0, 100),
      v('d', 0, 0, 100, 'bad'),
      { id: 'e', x1: 0, y1: 0, x2: 100, y2: 100, style: 'ok' },
      { id: 'f', x1: 0, y1: 0, x2: 0, y2: 100, style: 'ok' }
    ]);
    expect([...hidden]).toEqual(['f']);
  });

  it('a plain stack hides nothing (its links only touch at the boxes)', () => {
    expect(coveredSegments([v('a', 0, 200, 150), v('b', 0, 100, 50), v('c', 0, 0, -50)]).size).toBe(
      0
    );
  });
});
