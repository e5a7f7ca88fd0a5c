import type { Rect, Size } from './layout';

/**
 * How much of a diagram the editor shows when it fits the view, computed from laid-out
 * positions, for the tests and the bench. The canvas size is the editor's own, measured in
 * Chromium (tests/browser/clusters.spec.ts checks it against the page and checks
 * `fitZoom` against the zoom Svelte Flow really picks).
 */

/**
 * The editor's canvas in a 1366×768 window (px): the window less the palette (230 px), the
 * inspector (320 px), the top bar and the status bar.
 */
export const CANVAS_1366X768: Size = { width: 816, height: 705 };

/**
 * How the editor fits a diagram after opening it or laying it out (its focus request in
 * Canvas.svelte: padding 0.25, at most zoom 1), and its smallest zoom.
 */
export const FIT = { padding: 0.25, minZoom: 0.05, maxZoom: 1 } as const;

/** The bounding box of node rectangles, as Svelte Flow fits them (nodes only). */
export function nodeBounds(rects: Record<string, Rect>): Rect {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const r of Object.values(rects)) {
    minX = Math.min(minX, r.x);
    minY = Math.min(minY, r.y);
    maxX = Math.max(maxX, r.x + r.width);
    maxY = Math.max(maxY, r.y + r.height);
  }
  return { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}

/**
 * The zoom Svelte Flow's fitView picks for `bounds` on a `canvas` (its getViewportForBounds:
 * a number padding p leaves floor((side − side / (1 + p)) / 2) px on each side), clamped to
 * the editor's zoom range unless `clamp` is false. The same formula, so the test needs no
 * browser.
 */
export function fitZoom(bounds: Size, canvas: Size = CANVAS_1366X768, clamp = true): number {
  const zoom = Math.min(
    (canvas.width - pad(canvas.width)) / bounds.width,
    (canvas.height - pad(canvas.height)) / bounds.height
  );
  return clamp ? Math.min(FIT.maxZoom, Math.max(FIT.minZoom, zoom)) : zoom;
}

/** Both paddings of one side of the canvas, px (Svelte Flow's parsePadding, twice). */
const pad = (side: number) => 2 * Math.floor((side - side / (1 + FIT.padding)) * 0.5);

/**
 * The highest zoom at which any placement of `boxes` without overlap could fit `canvas`:
 * a fit at zoom z needs z² × (bounding box area) ≤ the padded canvas's area, and the
 * bounding box holds every box. Unclamped.
 */
export function areaBoundZoom(boxes: readonly Size[], canvas: Size = CANVAS_1366X768): number {
  const area = boxes.reduce((s, b) => s + b.width * b.height, 0);
  return Math.sqrt(
    ((canvas.width - pad(canvas.width)) * (canvas.height - pad(canvas.height))) / area
  );
}
