import type { DiagramDocument, Position, Size } from '$lib/core/index';

const GAP_X = 28;
const GAP_Y = 40;

/**
 * Where a new node goes before (or without) automatic layout: just above its host, to the
 * right of the host's other guests, so a stack built by hand reads bottom-up; a free node
 * goes to the right of everything.
 */
export function placeNewNode(
  doc: DiagramDocument,
  sizes: Record<string, Size>,
  size: Size,
  host?: string
): Position {
  const pos = (id: string) => doc.nodes.find((n) => n.id === id)?.position;
  if (host !== undefined) {
    const hp = pos(host);
    const hs = sizes[host] ?? size;
    if (hp) {
      const siblings = doc.edges.filter((e) => e.source === host).map((e) => e.target);
      const y = hp.y - GAP_Y - size.height;
      let x = hp.x + (hs.width - size.width) / 2;
      for (const s of siblings) {
        const sp = pos(s);
        const ss = sizes[s];
        if (sp && ss) x = Math.max(x, sp.x + ss.width + GAP_X);
      }
      return { x: Math.round(x), y: Math.round(y) };
    }
  }
  let right = 0;
  let bottom = 0;
  for (const n of doc.nodes) {
    if (!n.position) continue;
    const s = sizes[n.id] ?? size;
    right = Math.max(right, n.position.x + s.width);
    bottom = Math.max(bottom, n.position.y + s.height);
  }
  return doc.nodes.length === 0
    ? { x: 0, y: 0 }
    : { x: Math.round(right + GAP_X * 2), y: Math.round(Math.max(0, bottom - size.height)) };
}
