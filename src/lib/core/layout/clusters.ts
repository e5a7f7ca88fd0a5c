import type { Lang } from '../i18n/lang';
import { idRecord } from '../model/ids';
import type { Cluster, DiagramDocument } from '../model/types';
import { buildGraph, type StackGraph } from '../rules/graph';
import type { Rect, Size } from './layout';
import { fontMeasure } from './metrics';
import { assignStacks } from './stacks';
import { cleanLabel, graphemes, type FontSpec } from './text';

/**
 * Cluster frames: a labelled rounded rectangle around the member stacks of each cluster of
 * the document (`doc.clusters`), drawn behind the stacks by the export and the canvas.
 * Everything here is in px, in the coordinates of node positions (top-left corners, y
 * growing downward). The automatic layout keeps each cluster's stacks side by side and
 * leaves exactly this frame's room around them (see `placeUnits` in rows.ts).
 */

/** The title line's font (as node labels: the shipped font, so Hangul measures right). */
export const FRAME_TITLE_FONT: FontSpec = { size: 13, weight: 600 };

/** A frame's margins around the bounding box of its member stacks' nodes, px. */
export const FRAME = {
  /** Left and right. */
  padX: 16,
  /** Above the highest node: the title line and a gap. */
  top: 36,
  /** Baseline of the title, below the frame's top edge. */
  titleBaseline: 22,
  /** Below the lowest node: room for the stack's pill (28 px) and a gap. */
  bottom: 40,
  /** A frame is this wide at least (less its padding) when its caption needs it. */
  minTitleWidth: 160,
  /** Corner radius. */
  radius: 12
} as const;

/** Frame colours (stroke, fill, title) in each theme: the export's and the canvas's. */
export const FRAME_COLOURS = {
  light: { stroke: '#94a3b8', fill: '#f1f5f9', text: '#475569' },
  dark: { stroke: '#64748b', fill: '#172033', text: '#cbd5e1' }
} as const;

const HA: Record<Lang, string> = { en: 'HA', ko: 'HA' };

/** What follows the name on a cluster's title line: " · HA" when HA is on, else nothing. */
function captionSuffix(cluster: Pick<Cluster, 'ha'>, lang: Lang): string {
  return cluster.ha === true ? ` · ${HA[lang]}` : '';
}

/** A cluster's name: its label (cleaned as node labels are), or its id when it has none. */
function clusterName(cluster: Pick<Cluster, 'id' | 'label'>): string {
  const label = typeof cluster.label === 'string' ? cleanLabel(cluster.label) : '';
  return label === '' ? cluster.id : label;
}

/**
 * A cluster's caption, as its frame's title line says it: its label (or its id when it has
 * no label), then " · HA" when HA is on. Shared by the export and the canvas.
 */
export function clusterCaption(cluster: Pick<Cluster, 'id' | 'label' | 'ha'>, lang: Lang): string {
  return clusterName(cluster) + captionSuffix(cluster, lang);
}

/** Width in px of a cluster's whole caption in the title font. */
export function captionWidth(cluster: Pick<Cluster, 'id' | 'label' | 'ha'>, lang: Lang): number {
  return fontMeasure(clusterCaption(cluster, lang), FRAME_TITLE_FONT);
}

/**
 * The caption cut to `width` px: the name loses grapheme clusters from its end and gets
 * an ellipsis; " · HA" is always kept whole.
 */
export function fitCaption(
  cluster: Pick<Cluster, 'id' | 'label' | 'ha'>,
  width: number,
  lang: Lang
): string {
  const whole = clusterCaption(cluster, lang);
  if (fontMeasure(whole, FRAME_TITLE_FONT) <= width) return whole;
  const suffix = captionSuffix(cluster, lang);
  const name = graphemes(clusterName(cluster));
  // Binary search on the number of clusters kept (width grows with it).
  let lo = 0;
  let hi = name.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    const text = `${name.slice(0, mid).join('').trimEnd()}…${suffix}`;
    if (fontMeasure(text, FRAME_TITLE_FONT) <= width) lo = mid;
    else hi = mid - 1;
  }
  return `${name.slice(0, lo).join('').trimEnd()}…${suffix}`;
}

/**
 * The frame around `content` (the bounding box of the member stacks' nodes) for a caption
 * `captionPx` wide: `FRAME` margins, and wide enough for the caption up to
 * `FRAME.minTitleWidth` (a longer caption is cut to the frame's width).
 */
export function frameAround(content: Rect, captionPx: number): Rect {
  const inner = Math.max(content.width, Math.min(captionPx, FRAME.minTitleWidth));
  return {
    x: content.x - FRAME.padX,
    y: content.y - FRAME.top,
    width: inner + 2 * FRAME.padX,
    height: content.height + FRAME.top + FRAME.bottom
  };
}

/** A cluster's frame, as drawn: a rectangle (px, top-left origin) and its title line. */
export interface ClusterFrame extends Rect {
  id: string;
  /** The whole caption (label or id, " · HA"): the frame's tooltip and accessible name. */
  caption: string;
  /** What the title line shows: the caption, cut with "…" to the frame's width. */
  title: string;
  ha: boolean;
}

/** A cluster and the nodes of its member stacks. */
export interface ClusterMembers {
  cluster: Cluster;
  /** Node ids of the member stacks (each node in the stack it is drawn in), members in order. */
  nodes: string[];
}

/**
 * The clusters of a document with the nodes their frames go around: every node of each
 * member stack (a node on two stacks counts in the first one in document order, where the
 * layout draws it). Members that are not hardware roots of the document are skipped; a
 * machine in two clusters counts in the first. Clusters with no such member are left out.
 * O(nodes + edges); [] at once when the document has no clusters. `graph`: `buildGraph(doc)`
 * when the caller has it.
 */
export function clusterMembers(doc: DiagramDocument, graph?: StackGraph): ClusterMembers[] {
  const clusters = doc.clusters ?? [];
  if (clusters.length === 0) return [];
  const g = graph ?? buildGraph(doc);
  const { stacks } = assignStacks(g);
  const stackOf = new Map(stacks.map((s) => [g.nodes[s.root].id, s.bfs]));
  const taken = new Set<string>();
  const out: ClusterMembers[] = [];
  for (const cluster of clusters) {
    const nodes: string[] = [];
    for (const m of Array.isArray(cluster.members) ? cluster.members : []) {
      const bfs = stackOf.get(m);
      if (!bfs || taken.has(m)) continue;
      taken.add(m);
      for (const i of bfs) nodes.push(g.nodes[i].id);
    }
    if (nodes.length) out.push({ cluster, nodes });
  }
  return out;
}

/**
 * Frames of `members` (from `clusterMembers`) around the node rectangles `rects` (px,
 * top-left corners), and around `extra` rectangles drawn for a member node (a failure
 * view's HA ghosts on a member's hypervisor). Nodes without a rectangle are left out; a
 * cluster none of whose nodes has one gets no frame. In the order of `doc.clusters`.
 */
export function framesAround(
  members: readonly ClusterMembers[],
  rects: Readonly<Record<string, Rect | undefined>>,
  lang: Lang = 'en',
  extra?: ReadonlyMap<string, readonly Rect[]>
): ClusterFrame[] {
  const out: ClusterFrame[] = [];
  for (const { cluster, nodes } of members) {
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    const grow = (r: Rect) => {
      minX = Math.min(minX, r.x);
      minY = Math.min(minY, r.y);
      maxX = Math.max(maxX, r.x + r.width);
      maxY = Math.max(maxY, r.y + r.height);
    };
    for (const id of nodes) {
      const r = rects[id];
      if (!r) continue;
      grow(r);
      for (const e of extra?.get(id) ?? []) grow(e);
    }
    if (minX === Infinity) continue;
    const content = { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
    const frame = frameAround(content, captionWidth(cluster, lang));
    out.push({
      ...frame,
      id: cluster.id,
      caption: clusterCaption(cluster, lang),
      title: fitCaption(cluster, frame.width - 2 * FRAME.padX, lang),
      ha: cluster.ha === true
    });
  }
  return out;
}

/**
 * The frames of a document's clusters from the nodes' stored positions and box sizes
 * (`sizes`, px): the bounding box of the member stacks' nodes, grown by `FRAME`'s margins
 * (the title line on top). Frames follow nodes moved by hand; nodes with no position yet
 * are left out, and a cluster whose nodes have none gets no frame.
 */
export function clusterFrames(
  doc: DiagramDocument,
  sizes: Readonly<Record<string, Size | undefined>>,
  lang: Lang = 'en'
): ClusterFrame[] {
  const members = clusterMembers(doc);
  if (members.length === 0) return [];
  const rects = idRecord<Rect>();
  for (const n of doc.nodes) {
    const s = sizes[n.id];
    const p = n.position;
    if (s && p && Number.isFinite(p.x) && Number.isFinite(p.y))
      rects[n.id] = { x: p.x, y: p.y, width: s.width, height: s.height };
  }
  return framesAround(members, rects, lang);
}

/**
 * The order stacks are placed in, as units: each cluster (in `doc.clusters` order) with its
 * member stacks in their listed order, then every stack in no cluster in document order
 * (`roots`: the layout's groups in order, null for the area of unplaced nodes, which stays
 * last). Returns indices into `roots`.
 */
export function placementUnits(
  doc: DiagramDocument,
  roots: readonly (string | null)[]
): { stacks: number[]; cluster?: Cluster }[] {
  const indexOf = new Map<string, number>();
  roots.forEach((r, i) => {
    if (r !== null) indexOf.set(r, i);
  });
  const used = new Uint8Array(roots.length);
  const units: { stacks: number[]; cluster?: Cluster }[] = [];
  for (const cluster of doc.clusters ?? []) {
    const stacks: number[] = [];
    for (const m of Array.isArray(cluster.members) ? cluster.members : []) {
      const i = indexOf.get(m);
      if (i === undefined || used[i]) continue;
      used[i] = 1;
      stacks.push(i);
    }
    if (stacks.length) units.push({ stacks, cluster });
  }
  roots.forEach((_, i) => {
    if (!used[i]) units.push({ stacks: [i] });
  });
  return units;
}
