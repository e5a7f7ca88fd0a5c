import { describe, expect, it } from 'vitest';
import { planPng, PNG_LIMITS, svgSize } from './png';

describe('PNG size limit', () => {
  it('a small picture is drawn at the scale asked', () => {
    expect(planPng(400, 300, 2)).toEqual({ scale: 2, width: 800, height: 600, reduced: false });
  });
  it('a very wide picture (2,000 machines side by side) is scaled down to fit, and says so', () => {
    const plan = planPng(407_987, 140, 2);
    if ('error' in plan) throw new Error(plan.error);
    expect(plan.reduced).toBe(true);
    expect(plan.width).toBeLessThanOrEqual(PNG_LIMITS.side);
    expect(plan.height).toBeLessThanOrEqual(PNG_LIMITS.side);
  });
  it('a large square picture is held to 100 megapixels', () => {
    const plan = planPng(12_000, 12_000, 2);
    if ('error' in plan) throw new Error(plan.error);
    expect(plan.width * plan.height).toBeLessThanOrEqual(PNG_LIMITS.pixels);
    expect(plan.width).toBeGreaterThan(9_000);
  });
  it('an explicit scale over the limit is refused with the numbers', () => {
    expect(planPng(5000, 600, 16, true)).toEqual({
      error: expect.stringMatching(/scale 16 would be 80000 × 9600 px, over the limit/)
    });
    expect(planPng(500, 60, 16, true)).toMatchObject({ reduced: false });
  });
  it('reads the size of an SVG from its root', () => {
    expect(
      svgSize(
        '<svg xmlns="http://www.w3.org/2000/svg" width="812.5" height="40" viewBox="0 0 812.5 40">'
      )
    ).toEqual({ width: 812.5, height: 40 });
  });
});
