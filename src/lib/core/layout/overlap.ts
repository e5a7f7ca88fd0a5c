/**
 * A straight segment of a drawing (px, any coordinate system) with a style key: segments of
 * different styles never hide one another.
 */
export interface Segment {
  id: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  style: string;
}

/**
 * The segments that need not be drawn: vertical or horizontal ones lying wholly on the union
 * of other segments of the same line and style that are drawn and of `occluders`, boxes drawn
 * over the segments (the nodes, over their edges). A dense document (every node
 * on every node below it: n²/2 edges on one line) then draws about n of them, not n²/2
 * on top of one another, with the same picture. Shorter segments are kept first, so the
 * ones kept are the short links between neighbours. Slanted segments are always drawn.
 * O(E log E + E·k) for E segments and at most k kept on one line.
 */
export function coveredSegments(
  segments: readonly Segment[],
  occluders: readonly { x: number; y: number; width: number; height: number }[] = []
): Set<string> {
  type Span = { id: string; from: number; to: number };
  const lines = new Map<string, Span[]>();
  for (const s of segments) {
    const vertical = s.x1 === s.x2;
    if (!vertical && s.y1 !== s.y2) continue;
    const key = `${s.style}\u0000${vertical ? `v${s.x1}` : `h${s.y1}`}`;
    const span = vertical
      ? { id: s.id, from: Math.min(s.y1, s.y2), to: Math.max(s.y1, s.y2) }
      : { id: s.id, from: Math.min(s.x1, s.x2), to: Math.max(s.x1, s.x2) };
    const list = lines.get(key);
    if (list) list.push(span);
    else lines.set(key, [span]);
  }
  const hidden = new Set<string>();
  for (const [key, spans] of lines) {
    if (spans.length < 2) continue;
    spans.sort((a, b) => a.to - a.from - (b.to - b.from) || a.from - b.from);
    // The union of the kept spans and the boxes over the line, as sorted disjoint intervals.
    const union: [number, number][] = [];
    const line = key.slice(key.indexOf('\u0000') + 1);
    const at0 = Number(line.slice(1));
    const boxes: Span[] = [];
    for (const b of occluders) {
      if (line[0] === 'v' ? b.x < at0 && at0 < b.x + b.width : b.y < at0 && at0 < b.y + b.height)
        boxes.push(
          line[0] === 'v'
            ? { id: '', from: b.y, to: b.y + b.height }
            : { id: '', from: b.x, to: b.x + b.width }
        );
    }
    boxes.sort((a, b) => a.from - b.from);
    for (const b of boxes) {
      const last = union[union.length - 1];
      if (last && b.from <= last[1]) last[1] = Math.max(last[1], b.to);
      else union.push([b.from, b.to]);
    }
    for (const s of spans) {
      // The interval of the union that starts at or before s.from (binary search).
      let lo = 0;
      let hi = union.length - 1;
      let at = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (union[mid][0] <= s.from) {
          at = mid;
          lo = mid + 1;
        } else hi = mid - 1;
      }
      if (s.to > s.from && at >= 0 && union[at][1] >= s.to) {
        hidden.add(s.id);
        continue;
      }
      // Keep it: merge [from, to] into the union.
      let start = s.from;
      let end = s.to;
      let i = at >= 0 && union[at][1] >= s.from ? at : at + 1;
      const first = i;
      while (i < union.length && union[i][0] <= end) {
        start = Math.min(start, union[i][0]);
        end = Math.max(end, union[i][1]);
        i++;
      }
      union.splice(first, i - first, [start, end]);
    }
  }
  return hidden;
}
