/**
 * Stacks in rows and clusters in frames: the automatic layout (real ELK in Node, and the
 * plain tree placement for a stack over 500 nodes), the frames drawn from positions, and the
 * blocks view. Sizes are measured with the shipped font's metrics, as the CLI does.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nodeElk } from '../../node/elk';
import { measureDocument } from '../export/pipeline';
import type { Cluster, DiagramDocument, DiagramNode } from '../model/types';
import { layoutBlocks } from './blocks';
import {
  clusterCaption,
  clusterFrames,
  clusterMembers,
  fitCaption,
  FRAME,
  FRAME_TITLE_FONT,
  framesAround,
  type ClusterFrame
} from './clusters';
import {
  layoutDocument,
  PILL_ROOM,
  STACK_GAP,
  withPositions,
  type LayoutResult,
  type Rect,
  type Size
} from './layout';
import { fontMeasure } from './metrics';
import { areaBoundZoom, fitZoom, nodeBounds } from './viewport.fixture';

const elk = nodeElk();
const SLOW = { timeout: 60_000 };

const GUEST_OS = ['Ubuntu 24.04', 'Windows Server 2022', 'Debian 12', 'Rocky Linux 9'];
const SERVICES = ['nginx', 'PostgreSQL 16', 'Active Directory', 'File server'];

/**
 * `n` machines `m0`…, each a Type 1 stack: hardware, ESXi, `guests` guest OSes with one
 * service each (10 nodes a machine with 4 guests, as the bench's documents).
 */
function machines(n: number, guests = 4, clusters: Cluster[] = []): DiagramDocument {
  const nodes: DiagramNode[] = [];
  const edges: DiagramDocument['edges'] = [];
  const on = (host: string, id: string) => edges.push({ id: `e-${id}`, source: host, target: id });
  for (let m = 0; m < n; m++) {
    nodes.push({ id: `m${m}`, kind: 'hardware', label: `Server ${m}` });
    nodes.push({ id: `m${m}-hv`, kind: 'hypervisor', label: 'ESXi 8', product: 'VMware ESXi' });
    on(`m${m}`, `m${m}-hv`);
    for (let g = 0; g < guests; g++) {
      nodes.push({ id: `m${m}-vm${g}`, kind: 'os', label: GUEST_OS[(m + g) % 4] });
      on(`m${m}-hv`, `m${m}-vm${g}`);
      nodes.push({ id: `m${m}-s${g}`, kind: 'service', label: SERVICES[(m * 3 + g) % 4] });
      on(`m${m}-vm${g}`, `m${m}-s${g}`);
    }
  }
  return { version: 1, nodes, edges, ...(clusters.length ? { clusters } : {}) };
}

async function laidOut(doc: DiagramDocument): Promise<{
  layout: LayoutResult;
  sizes: Record<string, Size>;
  placed: DiagramDocument;
}> {
  const { sizes } = measureDocument(doc);
  const layout = await layoutDocument({ doc, sizes, elk });
  return { layout, sizes, placed: withPositions(doc, layout) };
}

const overlaps = (a: Rect, b: Rect) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const EPS = 0.01;
const inside = (outer: Rect, inner: Rect) =>
  outer.x <= inner.x + EPS &&
  outer.y <= inner.y + EPS &&
  inner.x + inner.width <= outer.x + outer.width + EPS &&
  inner.y + inner.height <= outer.y + outer.height + EPS;
const fmt = (r: Rect) => `(${r.x}, ${r.y}, ${r.width}×${r.height})`;

/** Overlapping pairs among `rects` (a sweep by x). */
function overlapping(rects: [string, Rect][]): string[] {
  const sorted = [...rects].sort((a, b) => a[1].x - b[1].x);
  const out: string[] = [];
  for (let i = 0; i < sorted.length; i++)
    for (
      let j = i + 1;
      j < sorted.length && sorted[j][1].x < sorted[i][1].x + sorted[i][1].width;
      j++
    )
      if (overlaps(sorted[i][1], sorted[j][1]))
        out.push(`${sorted[i][0]} ${fmt(sorted[i][1])} × ${sorted[j][0]} ${fmt(sorted[j][1])}`);
  return out;
}

/** Each stack: its root, its floor (the hardware's bottom), its box. */
function stacksOf(layout: LayoutResult) {
  return layout.groups
    .filter((g) => g.root !== null)
    .map((g) => {
      const hw = layout.nodes[g.root!];
      return { root: g.root!, floor: hw.y + hw.height, bounds: g.bounds, nodes: g.nodes };
    });
}

/**
 * The placement's promises for stacks: each stands on its floor (its hardware's bottom is
 * the lowest point of the stack), stacks on one floor stand left to right `STACK_GAP` or
 * more apart, and a row's lowest part (floor plus the pill under it) is above the next
 * row's highest node. Returns the stacks in reading order (by row, then left to right).
 */
function checkRows(layout: LayoutResult) {
  const stacks = stacksOf(layout);
  for (const s of stacks) {
    expect(s.bounds.y + s.bounds.height, `${s.root} stands on its floor`).toBeCloseTo(s.floor, 2);
    for (const id of s.nodes)
      expect(layout.nodes[id].y + layout.nodes[id].height).toBeLessThanOrEqual(s.floor + EPS);
  }
  const floors = [...new Set(stacks.map((s) => s.floor))].sort((a, b) => a - b);
  const reading = floors.flatMap((f) =>
    stacks.filter((s) => s.floor === f).sort((a, b) => a.bounds.x - b.bounds.x)
  );
  for (let r = 0; r < floors.length; r++) {
    const row = reading.filter((s) => s.floor === floors[r]);
    for (let i = 1; i < row.length; i++)
      expect(
        row[i].bounds.x - (row[i - 1].bounds.x + row[i - 1].bounds.width)
      ).toBeGreaterThanOrEqual(STACK_GAP - EPS);
    if (r > 0) {
      const top = Math.min(...row.map((s) => s.bounds.y));
      expect(top, `row ${r} starts below row ${r - 1} and its pills`).toBeGreaterThan(
        floors[r - 1] + PILL_ROOM
      );
    }
  }
  expect(overlapping(Object.entries(layout.nodes))).toEqual([]);
  return { floors, reading: reading.map((s) => s.root) };
}

/** Frames hold every node of their members and overlap no other node and no other frame. */
function checkFrames(doc: DiagramDocument, rects: Record<string, Rect>, frames: ClusterFrame[]) {
  const members = clusterMembers(doc);
  expect(frames.map((f) => f.id)).toEqual(members.map((m) => m.cluster.id));
  frames.forEach((f, i) => {
    const own = new Set(members[i].nodes);
    for (const id of own) expect(inside(f, rects[id]), `${id} inside ${f.id} ${fmt(f)}`).toBe(true);
    for (const [id, r] of Object.entries(rects))
      if (!own.has(id))
        expect(overlaps(f, r), `${id} ${fmt(r)} in frame ${f.id} ${fmt(f)}`).toBe(false);
  });
  expect(overlapping(frames.map((f) => [f.id, f]))).toEqual([]);
}

describe('stacks in rows', SLOW, () => {
  it('a handful of stacks stays in one row on the floor y = 0, in document order', async () => {
    const { layout } = await laidOut(machines(3));
    const { floors, reading } = checkRows(layout);
    expect(floors).toEqual([0]);
    expect(reading).toEqual(['m0', 'm1', 'm2']);
  });

  it('100 stacks of 10 nodes wrap into rows: stable order, no overlap, each on its floor', async () => {
    const doc = machines(100);
    const { layout, sizes } = await laidOut(doc);
    const { floors, reading } = checkRows(layout);
    expect(floors.length).toBeGreaterThan(5);
    expect(floors[0]).toBe(0);
    expect(reading).toEqual(doc.nodes.filter((n) => n.kind === 'hardware').map((n) => n.id));
    // Rows start at the left edge.
    for (const f of floors)
      expect(
        Math.min(
          ...stacksOf(layout)
            .filter((s) => s.floor === f)
            .map((s) => s.bounds.x)
        )
      ).toBe(0);
    // Wrapped toward a screen's shape, not a strip either way.
    const b = layout.bounds;
    expect(b.width / b.height).toBeGreaterThan(0.7);
    expect(b.width / b.height).toBeLessThan(2.5);
    // Packed well: the fit on a 1366×768 window is close to what any placement without
    // overlap could reach (areaBoundZoom; the gaps between stacks and rows alone cost about
    // 14 % of it here, and these 700 px wide stacks cannot reach 0.25 at all), and far from
    // the one row's zoom (0.0077, under the editor's smallest, 0.05).
    const stackBoxes = layout.groups.map((g) => g.bounds);
    const zoom = fitZoom(nodeBounds(layout.nodes));
    expect(zoom).toBeGreaterThan(0.75 * areaBoundZoom(stackBoxes));
    const oneRow = stackBoxes.reduce((s, g) => s + g.width + STACK_GAP, -STACK_GAP);
    expect(zoom).toBeGreaterThan(10 * fitZoom({ width: oneRow, height: 400 }, undefined, false));
    expect(Object.keys(sizes)).toHaveLength(1000);
  });

  it('fitting 100 small Type 1 stacks (machine and hypervisor) on a 1366×768 window: zoom ≥ 0.25', async () => {
    const doc = machines(100, 0);
    const { layout } = await laidOut(doc);
    checkRows(layout);
    expect(fitZoom(nodeBounds(layout.nodes))).toBeGreaterThanOrEqual(0.25);
  });

  it('a stack too big for ELK (the plain tree placement) and ELK stacks share the rows', async () => {
    const doc = machines(40, 1);
    // m0 gets 600 guests: over 500 nodes, laid out by the plain tree placement.
    for (let g = 0; g < 600; g++) {
      doc.nodes.push({ id: `big-${g}`, kind: 'os', label: `VM ${g}` });
      doc.edges.push({ id: `e-big-${g}`, source: 'm0-hv', target: `big-${g}` });
    }
    const { layout } = await laidOut(doc);
    const { floors, reading } = checkRows(layout);
    expect(floors.length).toBeGreaterThan(1);
    expect(reading).toEqual(doc.nodes.filter((n) => n.kind === 'hardware').map((n) => n.id));
  });

  it('the same document gives the same positions', async () => {
    const a = await laidOut(machines(30, 2, [{ id: 'c', members: ['m3', 'm1'] }]));
    const b = await laidOut(machines(30, 2, [{ id: 'c', members: ['m3', 'm1'] }]));
    expect(b.layout.nodes).toEqual(a.layout.nodes);
  });
});

describe('clusters: members side by side in a frame', SLOW, () => {
  it('members stand together, in the cluster’s order, before the stacks in no cluster', async () => {
    const doc = machines(5, 2, [{ id: 'c1', label: 'Production', members: ['m3', 'm1'] }]);
    const { layout, sizes, placed } = await laidOut(doc);
    const { floors, reading } = checkRows(layout);
    expect(floors).toEqual([0]);
    expect(reading).toEqual(['m3', 'm1', 'm0', 'm2', 'm4']);
    const frames = clusterFrames(placed, sizes);
    checkFrames(doc, layout.nodes, frames);
    expect(frames[0]).toMatchObject({ id: 'c1', caption: 'Production', title: 'Production' });
    // The frame's room is the layout's: its bounds hold the frame.
    expect(inside(layout.bounds, frames[0])).toBe(true);
  });

  it('two clusters: frames apart, each around its own members; HA in the caption', async () => {
    const doc = machines(6, 1, [
      { id: 'a', label: 'Web tier', members: ['m0', 'm4'], ha: true },
      { id: 'b', members: ['m2', 'm5'] }
    ]);
    const { layout, sizes, placed } = await laidOut(doc);
    expect(checkRows(layout).reading).toEqual(['m0', 'm4', 'm2', 'm5', 'm1', 'm3']);
    const frames = clusterFrames(placed, sizes);
    checkFrames(doc, layout.nodes, frames);
    expect(frames.map((f) => f.caption)).toEqual(['Web tier · HA', 'b']);
  });

  it('in a wide diagram a cluster is never split across rows', async () => {
    const members = ['m20', 'm21', 'm22', 'm23', 'm24'];
    const doc = machines(60, 4, [{ id: 'c', label: 'Cluster', members }]);
    const { layout, sizes, placed } = await laidOut(doc);
    const { floors, reading } = checkRows(layout);
    expect(floors.length).toBeGreaterThan(2);
    expect(reading.slice(0, 5)).toEqual(members);
    const stacks = stacksOf(layout).filter((s) => members.includes(s.root));
    expect(new Set(stacks.map((s) => s.floor)).size).toBe(1);
    checkFrames(doc, layout.nodes, clusterFrames(placed, sizes));
  });

  it('a cluster wider than a row wraps inside its one frame', async () => {
    const members = Array.from({ length: 40 }, (_, i) => `m${i + 5}`);
    const doc = machines(60, 4, [{ id: 'big', label: 'Everything', members }]);
    const { layout, sizes, placed } = await laidOut(doc);
    const { reading } = checkRows(layout);
    expect(reading.slice(0, 40)).toEqual(members);
    const floors = new Set(
      stacksOf(layout)
        .filter((s) => members.includes(s.root))
        .map((s) => s.floor)
    );
    expect(floors.size).toBeGreaterThan(1);
    const frames = clusterFrames(placed, sizes);
    checkFrames(doc, layout.nodes, frames);
    expect(frames[0].width).toBeLessThanOrEqual(layout.bounds.width + EPS);
  });

  it('members that are not machines, or already in a cluster, are skipped', async () => {
    const doc = machines(4, 1, [
      { id: 'a', members: ['nope', 'm1-hv', 'm2'] },
      { id: 'b', members: ['m2', 'm3'] },
      { id: 'empty', members: ['m0-vm0'] }
    ]);
    expect(
      clusterMembers(doc).map((m) => [m.cluster.id, m.nodes.filter((id) => !id.includes('-'))])
    ).toEqual([
      ['a', ['m2']],
      ['b', ['m3']]
    ]);
    const { layout, sizes, placed } = await laidOut(doc);
    expect(checkRows(layout).reading).toEqual(['m2', 'm3', 'm0', 'm1']);
    checkFrames(doc, layout.nodes, clusterFrames(placed, sizes));
  });

  it('random documents with random clusters: no overlaps, frames hold their members only', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 24 }),
        fc.array(fc.integer({ min: 0, max: 23 }), { maxLength: 24 }),
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 24, maxLength: 24 }),
        async (n, picks, guests) => {
          // Clusters from the picks: consecutive runs of picked machines, three at most.
          const clusters: Cluster[] = [];
          picks.forEach((p, i) => {
            const c = i % 3;
            (clusters[c] ??= { id: `c${c}`, label: `Cluster ${c}`, members: [] }).members.push(
              `m${p % n}`
            );
          });
          const doc = machines(n, 1, clusters.filter(Boolean));
          // Vary the stacks' widths.
          for (let m = 0; m < n; m++)
            for (let g = 1; g <= guests[m]; g++) {
              doc.nodes.push({ id: `x${m}-${g}`, kind: 'os', label: 'Alpine' });
              doc.edges.push({ id: `e-x${m}-${g}`, source: `m${m}-hv`, target: `x${m}-${g}` });
            }
          const { layout, sizes, placed } = await laidOut(doc);
          checkRows(layout);
          checkFrames(doc, layout.nodes, clusterFrames(placed, sizes));
        }
      ),
      { numRuns: 25, seed: 7 }
    );
  });
});

describe('clusterFrames: frames from positions', () => {
  it('a frame follows a node moved by hand; nodes with no position get none', async () => {
    const doc = machines(3, 1, [{ id: 'c', members: ['m0', 'm2'] }]);
    const { layout, sizes, placed } = await laidOut(doc);
    const [before] = clusterFrames(placed, sizes);
    const moved: DiagramDocument = {
      ...placed,
      nodes: placed.nodes.map((n) =>
        n.id === 'm2-s0'
          ? { ...n, position: { x: n.position!.x + 900, y: n.position!.y - 300 } }
          : n
      )
    };
    const [after] = clusterFrames(moved, sizes);
    const s = layout.nodes['m2-s0'];
    expect(inside(after, { ...s, x: s.x + 900, y: s.y - 300 })).toBe(true);
    expect(after.x).toBe(before.x);
    expect(after.width).toBeGreaterThan(before.width + 800);
    expect(after.y).toBeLessThan(before.y - 250);
    // The frame: the members' nodes' box, grown by the margins.
    const own = clusterMembers(doc)[0].nodes.map((id) => layout.nodes[id]);
    expect(before.x).toBe(Math.min(...own.map((r) => r.x)) - FRAME.padX);
    expect(before.y).toBe(Math.min(...own.map((r) => r.y)) - FRAME.top);
    expect(before.y + before.height).toBe(
      Math.max(...own.map((r) => r.y + r.height)) + FRAME.bottom
    );
    // No positions yet: no frame. Some: a frame around those.
    expect(clusterFrames(doc, sizes)).toEqual([]);
    const partly = {
      ...doc,
      nodes: doc.nodes.map((n) => (n.id === 'm0' ? { ...n, position: { x: 0, y: 0 } } : n))
    };
    expect(clusterFrames(partly, sizes)).toHaveLength(1);
    // A document without clusters costs nothing.
    expect(clusterFrames(machines(3), sizes)).toEqual([]);
  });
});

describe('cluster captions', () => {
  it('the label (cleaned), else the id; " · HA" when HA is on; the same words in Korean', () => {
    expect(clusterCaption({ id: 'c1' }, 'en')).toBe('c1');
    expect(clusterCaption({ id: 'c1', label: '  ' }, 'en')).toBe('c1');
    expect(clusterCaption({ id: 'c1', label: ' Prod \n A ' }, 'en')).toBe('Prod A');
    expect(clusterCaption({ id: 'c1', label: 'Prod', ha: true }, 'en')).toBe('Prod · HA');
    expect(clusterCaption({ id: 'c1', label: '운영', ha: true }, 'ko')).toBe('운영 · HA');
    expect(clusterCaption({ id: 'c1', label: 'Prod', ha: false }, 'ko')).toBe('Prod');
  });

  it('a long name is cut with an ellipsis to the width; " · HA" is kept whole', () => {
    const c = { id: 'c', label: '아주 긴 이름의 운영 클러스터 '.repeat(6), ha: true };
    const title = fitCaption(c, 200, 'ko');
    expect(title.endsWith('… · HA')).toBe(true);
    expect(fontMeasure(title, FRAME_TITLE_FONT)).toBeLessThanOrEqual(200);
    expect(fontMeasure(title, FRAME_TITLE_FONT)).toBeGreaterThan(170);
    expect(fitCaption({ id: 'c', label: 'Short', ha: true }, 200, 'en')).toBe('Short · HA');
  });

  it('a frame is wide enough for a short caption and cuts a long one to its width', () => {
    const member = {
      cluster: { id: 'c', label: 'A fairly long cluster name here', members: ['hw'] },
      nodes: ['hw']
    };
    const rects = { hw: { x: 0, y: -50, width: 132, height: 50 } };
    const [f] = framesAround([member], rects);
    expect(f.width).toBe(FRAME.minTitleWidth + 2 * FRAME.padX);
    expect(fontMeasure(f.title, FRAME_TITLE_FONT)).toBeLessThanOrEqual(FRAME.minTitleWidth);
    expect(f.title.endsWith('…')).toBe(true);
    const [g] = framesAround([{ ...member, cluster: { ...member.cluster, label: 'DB' } }], rects);
    expect([g.width, g.title]).toEqual([132 + 2 * FRAME.padX, 'DB']);
  });
});

describe('blocks view with clusters', SLOW, () => {
  it('members side by side in frames that hold no other block, wrapped in rows when wide', async () => {
    const doc = machines(40, 2, [
      { id: 'a', label: 'A', members: ['m7', 'm2'] },
      { id: 'b', label: 'B', members: ['m30', 'm31', 'm32'] }
    ]);
    const { layout, sizes } = await laidOut(doc);
    const blocks = layoutBlocks(doc, layout, sizes);
    expect(overlapping(Object.entries(blocks.nodes))).toEqual([]);
    const frames = framesAround(clusterMembers(doc), blocks.nodes);
    checkFrames(doc, blocks.nodes, frames);
    const floors = new Set(
      doc.nodes
        .filter((n) => n.kind === 'hardware')
        .map((n) => blocks.nodes[n.id].y + blocks.nodes[n.id].height)
    );
    expect(floors.size).toBeGreaterThan(1);
    for (const f of frames) expect(inside(blocks.bounds, f)).toBe(true);
  });
});
