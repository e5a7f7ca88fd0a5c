/**
 * Which node lies under a point of the flow (canvas coordinates, px), for the drop-target
 * search while a node or a palette item is dragged. The rectangles are bucketed once in a
 * uniform grid of `CELL` px squares, so a query looks at the few nodes of one cell instead
 * of every node: O(nodes) to build (once per change of the model, not per pointer move),
 * about O(1) to ask.
 */
const CELL = 256;

export interface HitRect {
  id: string;
  /** Top-left corner, px. */
  x: number;
  y: number;
  width: number;
  height: number;
}

export class HitIndex {
  private readonly cells = new Map<string, number[]>();

  /** `rects` in drawing order: where several overlap, the later one is on top. */
  constructor(private readonly rects: readonly HitRect[]) {
    rects.forEach((r, i) => {
      // The query is a 2×2 px square around the point: bucket each rect grown by 1 px.
      const x0 = Math.floor((r.x - 1) / CELL);
      const x1 = Math.floor((r.x + r.width + 1) / CELL);
      const y0 = Math.floor((r.y - 1) / CELL);
      const y1 = Math.floor((r.y + r.height + 1) / CELL);
      for (let cx = x0; cx <= x1; cx++)
        for (let cy = y0; cy <= y1; cy++) {
          const key = `${cx},${cy}`;
          const list = this.cells.get(key);
          if (list) list.push(i);
          else this.cells.set(key, [i]);
        }
    });
  }

  /**
   * The topmost rect overlapping the 2×2 px square centred on `point`, skipping ids in
   * `exclude`; null when none does. The same answer as Svelte Flow's `getIntersectingNodes`
   * for that square, last hit taken.
   */
  at(point: { x: number; y: number }, exclude?: ReadonlySet<string>): string | null {
    const list = this.cells.get(`${Math.floor(point.x / CELL)},${Math.floor(point.y / CELL)}`);
    let best = -1;
    for (const i of list ?? []) {
      if (i <= best) continue;
      const r = this.rects[i];
      if (exclude?.has(r.id)) continue;
      if (
        r.x < point.x + 1 &&
        r.x + r.width > point.x - 1 &&
        r.y < point.y + 1 &&
        r.y + r.height > point.y - 1
      )
        best = i;
    }
    return best < 0 ? null : this.rects[best].id;
  }
}
