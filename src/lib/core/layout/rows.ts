import { FRAME, frameAround } from './clusters';
import type { Rect, Size } from './layout';

/**
 * Where laid-out stacks stand: side by side in reading order, each on its row's floor
 * line, wrapped into rows when one row would be much wider than a screen is.
 *
 * The rule. One row while it is at most `WRAP_ASPECT` (8) times as wide as it is tall:
 * two or three stacks side by side, as they have always stood, for comparing them. A wider
 * diagram is wrapped into the number of rows, r ≥ 2, whose picture fits best in an area of
 * aspect ratio 1.2 (`ROW_ASPECT`: the editor's canvas in a 1366×768 window is 816×705 px,
 * 1.16; in a full HD window about 1.35): the one with the smallest
 * max(width / 1.2, height), which is the one shown at the highest zoom when fitted; each r
 * with the narrowest row width that needs no more than r rows. More rows are taken only
 * when they fit at least 5 % better (fuller rows read better). Rows are filled greedily,
 * left-aligned, in order: a stack or a cluster goes on the current row if it fits, else it
 * starts the next row. A cluster is never split across rows, unless it is wider than a row
 * on its own: then its stacks wrap inside its one frame, which takes the rows it needs.
 *
 * Floors. The first row's floor is y = 0, as it has always been: a stack grows upward and
 * moves nothing when it does. Each later row's floor is below the previous row's lowest
 * part (pills, frame bottoms) by `gapY` plus the row's own height.
 */

/** One row at most this many times as wide as tall; wider diagrams are wrapped. */
export const WRAP_ASPECT = 8;
/** The aspect ratio (width / height) a wrapped diagram aims for. */
export const ROW_ASPECT = 1.2;
/** More rows are taken only when they fit this much better (fewer, fuller rows read better). */
const MORE_ROWS_GAIN = 0.05;

export interface RowSpacing {
  /** Between units in a row and between stacks in a frame, px. */
  gapX: number;
  /** Between a row's lowest part (pill, frame bottom) and the next row's top, px. */
  gapY: number;
  /** Room below a stack's floor for its pill, px. */
  below: number;
}

/** A unit to place: one stack (indices into the boxes), or a cluster's stacks in a frame. */
export interface PlaceUnit {
  stacks: number[];
  /** A frame around the stacks, for a caption this wide (px). */
  frame?: { captionWidth: number };
}

export interface Placement {
  /** Per stack (box index): its left edge and its floor (bottom y), px. */
  x: Float64Array;
  floor: Float64Array;
  /** Per unit: its frame (px, top-left origin), or undefined for a unit with none. */
  frames: (Rect | undefined)[];
  /** Everything placed (boxes and frames; not the pills below bare stacks). */
  bounds: Rect;
  /** The number of distinct floor lines. */
  rows: number;
}

/** One thing in a row: its width, and how far it reaches above and below its floor. */
interface Item {
  width: number;
  above: number;
  below: number;
}

interface Flow {
  x: Float64Array;
  floor: Float64Array;
  width: number;
  /** The top of the first row (≤ 0) and the lowest point of the last (its floor + below). */
  top: number;
  bottom: number;
  rows: number;
}

/** Items left to right, wrapping when a row would pass `maxWidth`; the first floor is 0. */
function flow(items: readonly Item[], maxWidth: number, gapX: number, gapY: number): Flow {
  const k = items.length;
  const x = new Float64Array(k);
  const floor = new Float64Array(k);
  let width = 0;
  let top = 0;
  let prevFloor = 0;
  let prevBelow = 0;
  let rows = 0;
  for (let start = 0; start < k;) {
    // One row: [start, end).
    let end = start;
    let right = -gapX;
    let above = 0;
    let below = 0;
    while (end < k && (end === start || right + gapX + items[end].width <= maxWidth)) {
      x[end] = right + gapX;
      right += gapX + items[end].width;
      above = Math.max(above, items[end].above);
      below = Math.max(below, items[end].below);
      end++;
    }
    const f = rows === 0 ? 0 : prevFloor + prevBelow + gapY + above;
    if (rows === 0) top = -above;
    for (let i = start; i < end; i++) floor[i] = f;
    width = Math.max(width, right);
    prevFloor = f;
    prevBelow = below;
    rows++;
    start = end;
  }
  return { x, floor, width, top, bottom: prevFloor + prevBelow, rows };
}

/**
 * Place `boxes` (each stack's width and height, px) unit by unit, in the order of `units`,
 * by the rule above. Every box index must be in exactly one unit. O(units + boxes) per
 * candidate row width; about 20 widths are tried for each row count up to a little past
 * the best.
 */
export function placeUnits(
  boxes: readonly Size[],
  units: readonly PlaceUnit[],
  spacing: RowSpacing
): Placement {
  const { gapX, gapY, below } = spacing;
  const stackItem = (i: number): Item => ({
    width: boxes[i].width,
    above: boxes[i].height,
    below
  });
  // Each unit's stacks as items, and each unit in one row (its inner flow and its item).
  const inner = units.map((u) => u.stacks.map(stackItem));
  const unitItem = (u: PlaceUnit, f: Flow): Item => {
    // The unit's floor is its last inner row's floor.
    const last = f.floor[f.floor.length - 1];
    if (!u.frame) return { width: f.width, above: last - f.top, below };
    const frame = frameAround(
      { x: 0, y: f.top, width: f.width, height: last - f.top },
      u.frame.captionWidth
    );
    return { width: frame.width, above: last - frame.y, below: FRAME.bottom };
  };
  const oneRowFlows = inner.map((items) => flow(items, Infinity, gapX, gapY));
  const oneRowItems = units.map((u, i) => unitItem(u, oneRowFlows[i]));

  /** The units at row width `maxWidth`: their items, and the inner flow of each unit. */
  function arrange(maxWidth: number) {
    let flows = oneRowFlows;
    let items = oneRowItems;
    units.forEach((u, i) => {
      // A cluster wider than a row wraps inside its frame.
      if (!u.frame || oneRowItems[i].width <= maxWidth || u.stacks.length < 2) return;
      if (flows === oneRowFlows) {
        flows = [...oneRowFlows];
        items = [...oneRowItems];
      }
      flows[i] = flow(inner[i], maxWidth - 2 * FRAME.padX, gapX, gapY);
      items[i] = unitItem(u, flows[i]);
    });
    const outer = flow(items, maxWidth, gapX, gapY);
    let rows = outer.rows;
    for (const f of flows) rows += f.rows - 1;
    return { flows, items, outer, rows };
  }

  const cost = (a: ReturnType<typeof arrange>) =>
    Math.max(a.outer.width / ROW_ASPECT, a.outer.bottom - a.outer.top);

  let best = arrange(Infinity);
  const oneRow = best.outer;
  if (oneRow.width > WRAP_ASPECT * (oneRow.bottom - oneRow.top)) {
    // The narrowest row any unit allows: its widest stack (in its frame, for a cluster).
    let narrowest = 0;
    let lowest = Infinity;
    units.forEach((u, i) => {
      const it = oneRowItems[i];
      lowest = Math.min(lowest, it.above);
      if (!u.frame) narrowest = Math.max(narrowest, it.width);
      else
        for (const s of inner[i]) {
          const alone = frameAround(
            { x: 0, y: 0, width: s.width, height: 0 },
            u.frame.captionWidth
          );
          narrowest = Math.max(narrowest, alone.width);
        }
    });
    let bestCost = Infinity;
    let worse = 0;
    for (let r = 2; r <= boxes.length; r++) {
      // Even rows of the lowest unit cost this much height: no better from here on.
      if (r * lowest + (r - 1) * (gapY + below) > bestCost) break;
      // The narrowest row width with at most r rows (rows only grow as the width shrinks).
      let lo = narrowest;
      let hi = oneRow.width;
      let fit = arrange(hi);
      for (let step = 0; step < 24 && hi - lo > 0.5; step++) {
        const mid = (lo + hi) / 2;
        const a = arrange(mid);
        if (a.rows <= r) {
          hi = mid;
          fit = a;
        } else lo = mid;
      }
      const c = cost(fit);
      if (c < bestCost * (1 - MORE_ROWS_GAIN)) {
        bestCost = c;
        best = fit;
        worse = 0;
      } else if (++worse >= 3) break;
    }
  }
  return place(best);

  /** Box positions and frames of an arrangement. */
  function place({ flows, items, outer, rows }: ReturnType<typeof arrange>): Placement {
    const x = new Float64Array(boxes.length);
    const floor = new Float64Array(boxes.length);
    const frames: (Rect | undefined)[] = [];
    let minX = 0;
    let minY = outer.top;
    let maxX = outer.width;
    let maxY = 0;
    units.forEach((u, i) => {
      const f = flows[i];
      const last = f.floor[f.floor.length - 1];
      const left = outer.x[i] + (u.frame ? FRAME.padX : 0);
      const dy = outer.floor[i] - last;
      u.stacks.forEach((s, j) => {
        x[s] = left + f.x[j];
        floor[s] = f.floor[j] + dy;
        maxY = Math.max(maxY, floor[s]);
      });
      if (u.frame) {
        const frame = frameAround(
          { x: left, y: f.top + dy, width: f.width, height: last - f.top },
          u.frame.captionWidth
        );
        frames.push(frame);
        maxY = Math.max(maxY, frame.y + frame.height);
      } else frames.push(undefined);
      minY = Math.min(minY, outer.floor[i] - items[i].above);
    });
    for (const fr of frames) if (fr) maxX = Math.max(maxX, fr.x + fr.width);
    for (let s = 0; s < boxes.length; s++) minX = Math.min(minX, x[s]);
    return {
      x,
      floor,
      frames,
      bounds: { x: minX, y: minY, width: maxX - minX, height: maxY - minY },
      rows
    };
  }
}
