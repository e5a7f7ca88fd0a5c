import { describe, expect, it } from 'vitest';
import { HitIndex } from './hit-index';

describe('HitIndex', () => {
  const rects = [
    { id: 'a', x: 0, y: 0, width: 140, height: 50 },
    { id: 'b', x: 100, y: 20, width: 140, height: 50 },
    { id: 'far', x: 5000, y: -3000, width: 140, height: 50 }
  ];
  const index = new HitIndex(rects);

  it('finds the topmost node under a point, the later one where they overlap', () => {
    expect(index.at({ x: 10, y: 10 })).toBe('a');
    expect(index.at({ x: 120, y: 30 })).toBe('b');
    expect(index.at({ x: 5070, y: -2980 })).toBe('far');
    expect(index.at({ x: 300, y: 300 })).toBeNull();
  });

  it('skips excluded nodes (the dragged node and what runs on it)', () => {
    expect(index.at({ x: 120, y: 30 }, new Set(['b']))).toBe('a');
    expect(index.at({ x: 200, y: 30 }, new Set(['b']))).toBeNull();
  });

  it('counts a point within 1 px of an edge, across grid cells', () => {
    const edge = new HitIndex([{ id: 'c', x: 255.5, y: 0, width: 10, height: 10 }]);
    expect(edge.at({ x: 255, y: 5 })).toBe('c');
    expect(edge.at({ x: 254, y: 5 })).toBeNull();
  });

  it('agrees with a scan of every rect on random layouts', () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * 3000 - 500;
    const many = Array.from({ length: 400 }, (_, i) => ({
      id: `n${i}`,
      x: rand(),
      y: rand(),
      width: 140,
      height: 50
    }));
    const idx = new HitIndex(many);
    for (let k = 0; k < 500; k++) {
      const p = { x: rand(), y: rand() };
      const hits = many.filter(
        (r) => r.x < p.x + 1 && r.x + r.width > p.x - 1 && r.y < p.y + 1 && r.y + r.height > p.y - 1
      );
      expect(idx.at(p)).toBe(hits.length ? hits[hits.length - 1].id : null);
    }
  });
});
