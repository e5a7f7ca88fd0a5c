import { idRecord } from '../model/ids';
import type { DiagramDocument } from '../model/types';
import type { Lang } from '../i18n/lang';
import { captionWidth, placementUnits } from './clusters';
import { PILL_ROOM, ROW_GAP, type LayoutResult, type Rect, type Size } from './layout';
import { placeUnits } from './rows';

/**
 * The textbook picture of the course notes: each layer a block as wide as what runs on
 * it. The hardware spans its stack, a hypervisor spans its guests, a guest OS spans its
 * services; no edges. The left-to-right order of siblings comes from the ELK layout. Stacks
 * are placed as in the graph (`placeUnits`): a cluster's members side by side in its frame,
 * in rows when the picture would be very wide; each row's stacks stand on one floor line.
 */
export interface BlocksLayout {
  nodes: Record<string, Rect>;
  bounds: Rect;
}

export const BLOCKS = { gapX: 8, gapY: 6, stackGap: 48 } as const;

export function layoutBlocks(
  doc: DiagramDocument,
  layout: LayoutResult,
  sizes: Record<string, Size>,
  lang: Lang = 'en'
): BlocksLayout {
  const children = new Map<string, string[]>();
  const hasHost = new Set<string>();
  for (const e of doc.edges) {
    const list = children.get(e.source) ?? [];
    list.push(e.target);
    children.set(e.source, list);
    hasHost.add(e.target);
  }
  const centre = (id: string) => {
    const r = layout.nodes[id];
    return r ? r.x + r.width / 2 : 0;
  };
  // Each group on its own first (local coordinates: left at 0, bottom at 0), then placed
  // as the graph's stacks are: a cluster's members side by side in its frame, rows when wide.
  const local: { nodes: Record<string, Rect>; width: number; height: number }[] = [];

  // Band height: one for the whole picture, so layers line up across stacks.
  const band = doc.nodes.reduce((m, n) => Math.max(m, sizes[n.id]?.height ?? 0), 0);

  for (const group of layout.groups) {
    const nodes = idRecord<Rect>();
    // Trees: from the root, or, for nodes in no stack, from each node with no host
    // (nodes in loops are drawn on their own).
    const placed = new Set<string>();
    const tops = group.root !== null ? [group.root] : group.nodes.filter((id) => !hasHost.has(id));
    for (const id of group.nodes) if (group.root === null && hasHost.has(id)) tops.push(id);
    const inGroup = new Set(group.nodes);

    // Each node belongs to the tree of the first host that reaches it (iteratively).
    const treeKids = new Map<string, string[]>();
    const depth = new Map<string, number>();
    const order: string[] = [];
    for (const top of tops) {
      if (placed.has(top)) continue;
      placed.add(top);
      depth.set(top, 0);
      const queue = [top];
      for (let i = 0; i < queue.length; i++) {
        const id = queue[i];
        order.push(id);
        const kids = (children.get(id) ?? [])
          .filter((c) => inGroup.has(c) && !placed.has(c))
          .sort((a, b) => centre(a) - centre(b));
        for (const c of kids) {
          placed.add(c);
          depth.set(c, depth.get(id)! + 1);
          queue.push(c);
        }
        treeKids.set(id, kids);
      }
    }
    // Widths bottom-up (reverse breadth-first order visits children before parents).
    const width = new Map<string, number>();
    for (let i = order.length - 1; i >= 0; i--) {
      const id = order[i];
      const kids = treeKids.get(id) ?? [];
      const kidsWidth =
        kids.reduce((s, k) => s + width.get(k)!, 0) + BLOCKS.gapX * Math.max(0, kids.length - 1);
      width.set(id, Math.max(sizes[id]?.width ?? 0, kidsWidth));
    }
    const maxDepth = order.reduce((m, id) => Math.max(m, depth.get(id)!), 0);
    // Positions top-down, each tree beside the previous one; the group stands on y = 0.
    let treeX = 0;
    for (const top of tops) {
      if (nodes[top] || depth.get(top) !== 0) continue;
      const stackTodo: [string, number][] = [[top, treeX]];
      while (stackTodo.length) {
        const [id, left] = stackTodo.pop()!;
        const d = depth.get(id)!;
        const w = width.get(id)!;
        nodes[id] = { x: left, y: -band - d * (band + BLOCKS.gapY), width: w, height: band };
        const kids = treeKids.get(id) ?? [];
        const kidsWidth =
          kids.reduce((s, k) => s + width.get(k)!, 0) + BLOCKS.gapX * Math.max(0, kids.length - 1);
        let cx = left + (w - kidsWidth) / 2;
        for (const k of kids) {
          stackTodo.push([k, cx]);
          cx += width.get(k)! + BLOCKS.gapX;
        }
      }
      treeX += width.get(top)! + BLOCKS.gapX * 2;
    }
    const ids = Object.keys(nodes);
    local.push({
      nodes,
      width: Math.max(0, treeX - BLOCKS.gapX * 2),
      height: ids.length ? (maxDepth + 1) * band + maxDepth * BLOCKS.gapY : 0
    });
  }
  const units = placementUnits(
    doc,
    layout.groups.map((g) => g.root)
  );
  const placement = placeUnits(
    local,
    units.map(({ stacks, cluster }) =>
      cluster ? { stacks, frame: { captionWidth: captionWidth(cluster, lang) } } : { stacks }
    ),
    { gapX: BLOCKS.stackGap, gapY: ROW_GAP, below: PILL_ROOM }
  );
  const nodes = idRecord<Rect>();
  local.forEach((l, i) => {
    for (const [id, r] of Object.entries(l.nodes))
      nodes[id] = { ...r, x: r.x + placement.x[i], y: r.y + placement.floor[i] };
  });
  return { nodes, bounds: placement.bounds };
}
