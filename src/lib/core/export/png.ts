/**
 * The size of a PNG before it is rendered, and the limit on it (hardening issue, round 2):
 * at most 16,384 px a side and 100 megapixels, so a wide diagram or a large `--scale`
 * cannot ask for gigabytes of pixels. The SVG itself stays vector, whatever its size.
 */
export const PNG_LIMITS = { side: 16_384, pixels: 100_000_000 } as const;

export interface PngPlan {
  /** Pixels per SVG unit to render at. */
  scale: number;
  /** The PNG's size, in px. */
  width: number;
  height: number;
  /** The requested scale would have gone over the limit: `scale` is smaller than asked. */
  reduced: boolean;
}

/**
 * Plan a PNG of an SVG `width` × `height` (SVG units) at `scale` pixels per unit. Over the
 * limit, the scale is reduced to fit (`reduced`); when the caller asked for that scale
 * explicitly (`explicit`), the plan is refused instead, with the numbers in words.
 */
export function planPng(
  width: number,
  height: number,
  scale: number,
  explicit = false
): PngPlan | { error: string } {
  const w = Math.max(1, width);
  const h = Math.max(1, height);
  const fits = (s: number) =>
    Math.ceil(w * s) <= PNG_LIMITS.side &&
    Math.ceil(h * s) <= PNG_LIMITS.side &&
    Math.ceil(w * s) * Math.ceil(h * s) <= PNG_LIMITS.pixels;
  // The picture's size in whole pixels, rounded as resvg rounds it (10.5 → 11, 10.4 → 10).
  const side = (units: number, s: number) => Math.max(1, Math.round(units * s));
  if (fits(scale)) return { scale, width: side(w, scale), height: side(h, scale), reduced: false };
  const px = (s: number) => `${side(w, s)} × ${side(h, s)} px`;
  if (explicit) {
    return {
      error: `a PNG at scale ${scale} would be ${px(scale)}, over the limit of ${PNG_LIMITS.side} px a side and ${PNG_LIMITS.pixels / 1e6} megapixels; use a smaller --scale, or export SVG`
    };
  }
  let s = Math.min(
    scale,
    (PNG_LIMITS.side - 1) / w,
    (PNG_LIMITS.side - 1) / h,
    Math.sqrt(PNG_LIMITS.pixels / (w * h)) * 0.999
  );
  while (s > 0 && !fits(s)) s *= 0.99;
  return { scale: s, width: side(w, s), height: side(h, s), reduced: true };
}

/** The width and height (SVG units) of an SVG document, from its root's attributes. */
export function svgSize(svg: string): { width: number; height: number } | undefined {
  const m = /<svg\b[^>]*?\swidth="([\d.]+)"[^>]*?\sheight="([\d.]+)"/.exec(svg.slice(0, 2000));
  return m ? { width: Number(m[1]), height: Number(m[2]) } : undefined;
}
