import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareIds, sortIds } from './ids';

describe('natural id order', () => {
  it('orders numbers by value', () => {
    expect(sortIds(['n10', 'n2', 'n1', 'a', 'n02', 'b1', 'hw'])).toEqual([
      'a',
      'b1',
      'hw',
      'n1',
      'n2',
      'n02',
      'n10'
    ]);
    expect(sortIds(['e-10', 'e-9', 'e-100'])).toEqual(['e-9', 'e-10', 'e-100']);
  });
  it('is a total order consistent with equality', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), (a, b, c) => {
        expect(Math.sign(compareIds(a, b)) + Math.sign(compareIds(b, a))).toBe(0);
        expect(compareIds(a, b) === 0).toBe(a === b);
        if (compareIds(a, b) < 0 && compareIds(b, c) < 0) expect(compareIds(a, c)).toBeLessThan(0);
      }),
      { numRuns: 2000 }
    );
  });
});
