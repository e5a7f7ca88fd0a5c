/**
 * The automatic layout (ELK, one graph per stack) and the blocks view, on the shipped
 * examples and on small documents made here, measured with the shipped font's metrics as
 * the CLI does. Runs the real ELK (elk.bundled) in Node.
 */
import fc from 'fast-check';
import * as fontkit from 'fontkit';
import { beforeAll, describe, expect, it } from 'vitest';
import { nodeElk } from '../../node/elk';
import { fontFile } from '../../node/fonts';
import { measureDocument } from '../export/pipeline';
import { KINDS, type DiagramDocument, type DiagramNode } from '../model/types';
import { doc as makeDoc } from '../testing';
import { layoutBlocks, type BlocksLayout } from './blocks';
import { examples } from './examples.fixture';
import { LayoutCache, layoutDocument, type LayoutResult, type Rect } from './layout';
import { fontMeasure } from './metrics';
import { KIND_FONT, LABEL_FONT, NODE, measureNode, wrapText, type FontSpec } from './text';

const elk = nodeElk();
/** ELK runs take ~100ms each on a loaded machine; a few tests run several. */
const SLOW = { timeout: 30_000 };

async function laidOut(doc: DiagramDocument, cache?: LayoutCache): Promise<LayoutResult> {
  const { sizes } = measureDocument(doc);
  return layoutDocument({ doc, sizes, elk, cache });
}

/** Rectangles overlap when their interiors meet (touching edges do not count). */
function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** The pairs of overlapping boxes, as messages (a sweep from left to right, not all pairs). */
function overlapping(rects: Record<string, Rect>, ids: string[]): string[] {
  const sorted = [...ids].sort((a, b) => rects[a].x - rects[b].x);
  const out: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const a = rects[sorted[i]];
    for (let j = i + 1; j < sorted.length && rects[sorted[j]].x < a.x + a.width; j++) {
      const b = rects[sorted[j]];
      if (overlaps(a, b)) out.push(`${sorted[i]} ${fmt(a)} overlaps ${sorted[j]} ${fmt(b)}`);
    }
  }
  return out;
}

const EPS = 0.01;
/** `outer` spans `inner` horizontally. */
const spansX = (outer: Rect, inner: Rect) =>
  outer.x <= inner.x + EPS && inner.x + inner.width <= outer.x + outer.width + EPS;
const inside = (outer: Rect, inner: Rect) =>
  spansX(outer, inner) &&
  outer.y <= inner.y + EPS &&
  inner.y + inner.height <= outer.y + outer.height + EPS;
const centreX = (r: Rect) => r.x + r.width / 2;
const fmt = (r: Rect) => `(${r.x}, ${r.y}, ${r.width}×${r.height})`;

/** Ids sorted by the left-to-right position of their boxes. */
const byX = (rects: Record<string, Rect>, ids: string[]) =>
  [...ids].sort((a, b) => centreX(rects[a]) - centreX(rects[b]));

function checkGeometry(doc: DiagramDocument, layout: LayoutResult): void {
  const { sizes } = measureDocument(doc);
  // Every node is placed, at its measured size.
  expect(Object.keys(layout.nodes).sort()).toEqual(doc.nodes.map((n) => n.id).sort());
  for (const n of doc.nodes) {
    const r = layout.nodes[n.id];
    expect([r.width, r.height], n.id).toEqual([sizes[n.id].width, sizes[n.id].height]);
    expect(Number.isFinite(r.x) && Number.isFinite(r.y), n.id).toBe(true);
  }
  // Every guest above its host: y grows downward, so the host's top is below the guest's bottom.
  const below = doc.edges
    .filter(
      (e) => !(layout.nodes[e.source].y > layout.nodes[e.target].y + layout.nodes[e.target].height)
    )
    .map(
      (e) =>
        `${e.target} ${fmt(layout.nodes[e.target])} should stand above its host ${e.source} ${fmt(layout.nodes[e.source])}`
    );
  expect(below).toEqual([]);
  // No two nodes overlap.
  const ids = doc.nodes.map((n) => n.id);
  expect(overlapping(layout.nodes, ids)).toEqual([]);
  // Stacks (and the unplaced area) do not overlap, stand left to right, and hold their nodes.
  const groups = layout.groups;
  expect(groups.flatMap((g) => g.nodes).sort()).toEqual([...ids].sort());
  for (let i = 0; i < groups.length; i++) {
    for (const id of groups[i].nodes) {
      expect(
        inside(groups[i].bounds, layout.nodes[id]),
        `${id} outside its stack ${fmt(groups[i].bounds)}`
      ).toBe(true);
    }
    if (i > 0) {
      const prev = groups[i - 1].bounds;
      expect(groups[i].bounds.x, `stack ${i} should start right of stack ${i - 1}`).toBeGreaterThan(
        prev.x + prev.width
      );
    }
  }
  // Bottoms aligned: every stack stands on the same floor.
  const floors = groups.filter((g) => g.root !== null).map((g) => g.bounds.y + g.bounds.height);
  expect(new Set(floors).size).toBeLessThanOrEqual(1);
  // The layout's bounds hold everything.
  for (const id of ids) expect(inside(layout.bounds, layout.nodes[id]), id).toBe(true);
}

/**
 * Three stacks and a node in none. Ids are deliberately not in document order: siblings
 * must come out in document order, not id order.
 */
function threeStacks(): DiagramDocument {
  return makeDoc(
    [
      'a-hw hardware Rack server A',
      'a-hv hypervisor ESXi 8',
      'a-z os Zeta',
      'a-b os Beta',
      'a-m os Mu',
      'b-hw hardware Laptop',
      'b-os os Windows 11',
      'b-vb hypervisor VirtualBox',
      'b-g os Ubuntu 24.04',
      'c-hw hardware Dell PowerEdge R740',
      'c-os os Ubuntu Server',
      's2 service nginx',
      's10 service PostgreSQL',
      's1 service Redis',
      'lone os Orphan OS'
    ],
    [
      'a-hw>a-hv',
      'a-hv>a-z',
      'a-hv>a-b',
      'a-hv>a-m',
      'b-hw>b-os',
      'b-os>b-vb',
      'b-vb>b-g',
      'c-hw>c-os',
      'c-os>s2',
      'c-os>s10',
      'c-os>s1'
    ],
    { 'a-hv': { product: 'VMware ESXi' }, 'b-vb': { product: 'Oracle VM VirtualBox' } }
  );
}

const nodeIn = (doc: DiagramDocument, id: string): DiagramNode => {
  const n = doc.nodes.find((m) => m.id === id);
  if (!n) throw new Error(`no node ${id}`);
  return n;
};

function addNode(
  doc: DiagramDocument,
  id: string,
  kind: DiagramNode['kind'],
  label: string,
  host: string
): void {
  doc.nodes.push({ id, kind, label });
  doc.edges.push({ id: `e-${id}`, source: host, target: id });
}

describe('layoutDocument: geometry of the shipped examples', () => {
  const docs = examples();
  const layouts: Record<string, LayoutResult> = {};
  beforeAll(async () => {
    for (const [name, d] of Object.entries(docs)) layouts[name] = await laidOut(d);
  }, 60_000);

  it('lays out all eighteen examples (the redundancy ones in two languages)', () => {
    expect(Object.keys(layouts)).toHaveLength(18);
  });
  for (const name of Object.keys(docs)) {
    it(`${name}: guests above hosts, no overlaps, stacks apart`, () => {
      checkGeometry(docs[name], layouts[name]);
    });
  }

  it('consolidation: two stacks side by side in document order, four guests in a row each', () => {
    const l = layouts.consolidation;
    expect(l.groups.map((g) => g.root)).toEqual(['srv1', 'srv2']);
    for (const s of ['srv1', 'srv2']) {
      const vms = [1, 2, 3, 4].map((i) => `${s}-vm${i}`);
      expect(byX(l.nodes, vms)).toEqual(vms);
      expect(new Set(vms.map((id) => l.nodes[id].y)).size).toBe(1);
    }
    const right = (id: string) => l.nodes[id].x + l.nodes[id].width;
    for (let i = 1; i <= 4; i++)
      expect(right(`srv1-vm${i}`)).toBeLessThan(l.nodes[`srv2-vm${i}`].x);
  });
});

describe('layoutDocument: several stacks, relayout and the cache', SLOW, () => {
  it('three stacks and an unplaced node: geometry, and siblings in document order', async () => {
    const d = threeStacks();
    const l = await laidOut(d);
    checkGeometry(d, l);
    expect(l.groups.map((g) => g.root)).toEqual(['a-hw', 'b-hw', 'c-hw', null]);
    expect(l.groups[3].nodes).toEqual(['lone']);
    expect(byX(l.nodes, ['a-z', 'a-b', 'a-m'])).toEqual(['a-z', 'a-b', 'a-m']);
    expect(byX(l.nodes, ['s2', 's10', 's1'])).toEqual(['s2', 's10', 's1']);
  });

  it('siblings keep their left-to-right order after adding a node and relabelling another stack', async () => {
    const d = threeStacks();
    addNode(d, 'a-new', 'os', 'Debian 12 (new guest)', 'a-hv');
    addNode(d, 's0', 'service', 'Memcached', 'c-os');
    nodeIn(d, 'b-os').label = 'Windows 11 Pro for Workstations';
    const l = await laidOut(d);
    checkGeometry(d, l);
    expect(byX(l.nodes, ['a-z', 'a-b', 'a-m', 'a-new'])).toEqual(['a-z', 'a-b', 'a-m', 'a-new']);
    expect(byX(l.nodes, ['s2', 's10', 's1', 's0'])).toEqual(['s2', 's10', 's1', 's0']);
    // Reordering the document reorders the siblings.
    const moved = d.nodes.splice(
      d.nodes.findIndex((n) => n.id === 'a-z'),
      1
    );
    d.nodes.push(...moved);
    const again = await laidOut(d);
    expect(byX(again.nodes, ['a-b', 'a-m', 'a-new', 'a-z'])).toEqual([
      'a-b',
      'a-m',
      'a-new',
      'a-z'
    ]);
  });

  it('an edit to one stack leaves the other stacks where they were, and only it is laid out again', async () => {
    const cache = new LayoutCache();
    const d = threeStacks();
    const before = await laidOut(d, cache);
    expect([cache.hits, cache.misses, cache.size]).toEqual([0, 4, 4]);

    // Nothing changed: everything from the cache, the same result.
    expect(await laidOut(threeStacks(), cache)).toEqual(before);
    expect([cache.hits, cache.misses]).toEqual([4, 4]);

    // Stack C grows three layers, taller than any other, and a label changes.
    addNode(d, 'c-kvm', 'hypervisor', 'KVM', 'c-os');
    addNode(d, 'c-vm', 'os', 'Alpine Linux', 'c-kvm');
    addNode(d, 'c-app', 'service', 'Grafana', 'c-vm');
    nodeIn(d, 'c-os').label = 'Ubuntu Server 24.04 LTS';
    const after = await laidOut(d, cache);
    checkGeometry(d, after);
    expect(after.groups[2].bounds.height).toBeGreaterThan(
      Math.max(...before.groups.map((g) => g.bounds.height))
    );
    expect(cache.misses - 4, 'stacks laid out again').toBe(1);
    expect(cache.hits - 4, 'stacks from the cache').toBe(3);
    expect(cache.size).toBe(4);
    for (const id of ['a-hw', 'a-hv', 'a-z', 'a-b', 'a-m', 'b-hw', 'b-os', 'b-vb', 'b-g'])
      expect(after.nodes[id], `${id} moved`).toEqual(before.nodes[id]);
    // The area right of the edited stack moves sideways as a whole, never up or down.
    const dx = after.nodes.lone.x - before.nodes.lone.x;
    expect(after.nodes.lone).toEqual({ ...before.nodes.lone, x: before.nodes.lone.x + dx });
    expect(after.groups[1].bounds).toEqual(before.groups[1].bounds);
  });

  it('relabelling the leftmost stack moves the stacks to its right sideways only, unchanged', async () => {
    const cache = new LayoutCache();
    const d = threeStacks();
    const before = await laidOut(d, cache);
    nodeIn(d, 'a-z').label = 'Zeta, a guest with a much longer name';
    const after = await laidOut(d, cache);
    expect([cache.hits, cache.misses]).toEqual([3, 5]);
    const widthChange = after.groups[0].bounds.width - before.groups[0].bounds.width;
    expect(widthChange).toBeGreaterThan(0);
    for (const id of ['b-hw', 'b-os', 'b-vb', 'b-g', 'c-hw', 'c-os', 's1', 's2', 's10', 'lone']) {
      const b = before.nodes[id];
      expect(after.nodes[id], id).toEqual({ ...b, x: Math.round((b.x + widthChange) * 100) / 100 });
    }
  });

  it('stacks of one shape ask ELK once, and each is laid out as it would be alone', async () => {
    // Six hosts: hypervisor, two guests, a service each. Five share one shape; the sixth
    // has a longer label, so its boxes differ.
    const nodes: string[] = [];
    const edges: string[] = [];
    for (let i = 0; i < 6; i++) {
      nodes.push(`h${i} hardware ${i === 5 ? 'A much longer server name' : 'Server'}`);
      nodes.push(
        `v${i} hypervisor ESXi`,
        `a${i} os Ubuntu`,
        `b${i} os Debian`,
        `s${i} service Web`
      );
      edges.push(`h${i}>v${i}`, `v${i}>a${i}`, `v${i}>b${i}`, `a${i}>s${i}`);
    }
    const d = makeDoc(nodes, edges);
    const calls: unknown[] = [];
    const counting = {
      layout: (g: Parameters<typeof elk.layout>[0]) => (calls.push(g), elk.layout(g))
    };
    const { sizes } = measureDocument(d);
    const all = await layoutDocument({ doc: d, sizes, elk: counting });
    expect(calls).toHaveLength(2);
    // Each stack, relative to its hardware, is what laying out that stack alone gives.
    for (let i = 0; i < 6; i++) {
      const ids = [`h${i}`, `v${i}`, `a${i}`, `b${i}`, `s${i}`];
      const alone = await laidOut(
        makeDoc(nodes.slice(i * 5, i * 5 + 5), edges.slice(i * 4, i * 4 + 4))
      );
      const rel = (l: LayoutResult) =>
        ids.map((id) => [l.nodes[id].x - l.nodes[`h${i}`].x, l.nodes[id].y - l.nodes[`h${i}`].y]);
      expect(rel(all), `stack ${i}`).toEqual(rel(alone));
    }
  });

  it('the cache forgets stacks that are gone', async () => {
    const cache = new LayoutCache();
    await laidOut(threeStacks(), cache);
    const d = threeStacks();
    d.nodes = d.nodes.filter((n) => !n.id.startsWith('b-'));
    d.edges = d.edges.filter((e) => !e.source.startsWith('b-'));
    await laidOut(d, cache);
    expect(cache.size).toBe(3);
  });
});

describe('text measuring: the shipped font', () => {
  const fonts = new Map<number, fontkit.Font>();
  const font = (w: 400 | 600) => {
    let f = fonts.get(w);
    if (!f) fonts.set(w, (f = fontkit.openSync(fontFile(w)) as fontkit.Font));
    return f;
  };
  /** The width fontkit's shaper gives (kerning and all), in px. */
  const realWidth = (text: string, spec: FontSpec) => {
    const f = font(spec.weight);
    return (f.layout(text).advanceWidth * spec.size) / f.unitsPerEm;
  };

  const SAMPLES = [
    'Windows Server 2022 (VM 1)',
    'AVAWAY Type 1 Tower',
    'VMware ESXi 8.0u2',
    '하이퍼바이저',
    '액티브 디렉터리(AD) 서버',
    '서버 통합: 전용 서버 8대 → 가상화 서버 2대',
    '우분투 Ubuntu 24.04 LTS'
  ];
  for (const spec of [LABEL_FONT, KIND_FONT]) {
    it(`fontMeasure agrees with fontkit within 1px at ${spec.size}px/${spec.weight}`, () => {
      for (const s of SAMPLES) {
        const real = realWidth(s, spec);
        expect(real, s).toBeGreaterThan(s.length * 3);
        expect(Math.abs(fontMeasure(s, spec) - real), s).toBeLessThanOrEqual(1);
      }
    });
  }

  it('a Hangul syllable is wider than a Latin letter (not measured as a fallback)', () => {
    expect(fontMeasure('가', LABEL_FONT)).toBeCloseTo(realWidth('가', LABEL_FONT), 5);
    expect(fontMeasure('가', LABEL_FONT)).toBeGreaterThan(fontMeasure('a', LABEL_FONT));
  });

  it('Korean labels get boxes wide enough for their text, by the real font', () => {
    const d = makeDoc([
      'hw hardware 서버 1 (Server 1)',
      'hv hypervisor 하이퍼바이저 (ESXi)',
      'ad service 액티브 디렉터리(AD) 서버',
      'nms service 네트워크 관리 서버',
      'long service 통합 모니터링 및 로그 수집 서버와 백업 및 복구 관리 서버',
      'mixed os 우분투 Ubuntu 24.04 LTS 서버'
    ]);
    const { boxes, captions } = measureDocument(d);
    for (const n of d.nodes) {
      const box = boxes[n.id];
      expect(box.lines.join(' '), n.id).toBe(n.label);
      for (const line of box.lines) {
        const need = Math.max(
          realWidth(line, LABEL_FONT),
          fontMeasure(line, LABEL_FONT),
          realWidth(captions.get(n.id)!, KIND_FONT)
        );
        expect(box.width, `${n.id}: "${line}"`).toBeGreaterThanOrEqual(need + 2 * NODE.padX);
      }
    }
    // One line for the short ones; the long one wraps.
    expect(boxes.ad.lines).toEqual(['액티브 디렉터리(AD) 서버']);
    expect(boxes.ad.width).toBeGreaterThan(NODE.minWidth);
    expect(boxes.long.lines.length).toBe(2);
    expect(boxes.long.width).toBeLessThanOrEqual(NODE.maxWidth);
  });
});

describe('text wrapping: long labels', () => {
  const inner = NODE.maxWidth - 2 * NODE.padX;
  const height = (lines: number) =>
    NODE.padY * 2 + NODE.kindLine + NODE.gap + lines * NODE.lineHeight;

  it('a long sentence wraps to at most three lines, each fitting, with an ellipsis when cut', () => {
    const label = Array.from({ length: 40 }, (_, i) => `word${i}`).join(' ');
    const box = measureNode(label, 'SERVICE', fontMeasure);
    expect(box.lines).toHaveLength(3);
    expect(box.lines[2].endsWith('…')).toBe(true);
    expect(label.startsWith(box.lines.slice(0, 2).join(' '))).toBe(true);
    for (const l of box.lines) expect(fontMeasure(l, LABEL_FONT)).toBeLessThanOrEqual(inner);
    expect(box.height).toBe(height(3));
    expect(box.width).toBeLessThanOrEqual(NODE.maxWidth);
  });

  it('a 5,000-character word is broken by characters into three lines', () => {
    const label = 'x'.repeat(5000);
    const box = measureNode(label, 'OS', fontMeasure);
    expect(box.lines).toHaveLength(3);
    expect(box.lines[0]).toMatch(/^x+$/);
    expect(box.lines[2]).toMatch(/^x+…$/);
    for (const l of box.lines) expect(fontMeasure(l, LABEL_FONT)).toBeLessThanOrEqual(inner);
    expect(box.width).toBe(NODE.maxWidth);
  });

  it('a long Korean label wraps at spaces and fits', () => {
    const label =
      '가상화 서버 통합 프로젝트의 두 번째 단계에서 이전할 파일 서버와 인쇄 서버 그리고 백업 서버';
    const lines = wrapText(label, inner, LABEL_FONT, fontMeasure);
    expect(lines.length).toBe(3);
    for (const l of lines) expect(fontMeasure(l, LABEL_FONT)).toBeLessThanOrEqual(inner);
  });

  it('a short label stays on one line; two lines stay whole', () => {
    expect(measureNode('ESXi 8', 'HYPERVISOR', fontMeasure)).toEqual({
      width: NODE.minWidth,
      height: height(1),
      lines: ['ESXi 8']
    });
    const two = 'Windows Server 2022 Datacenter Edition (VM 1)';
    const box = measureNode(two, 'GUEST OS', fontMeasure);
    expect(box.lines).toHaveLength(2);
    expect(box.lines.join(' ')).toBe(two);
    expect(box.height).toBe(height(2));
  });

  it('no surrogate pair is split when a word is broken', () => {
    const label = '😀'.repeat(60);
    const lines = wrapText(label, inner, LABEL_FONT, fontMeasure);
    for (const l of lines) expect(l.replace('…', '')).toMatch(/^(😀)+$/u);
  });
});

describe('layoutBlocks: the textbook view', { timeout: 60_000 }, () => {
  function checkBlocks(doc: DiagramDocument, layout: LayoutResult, blocks: BlocksLayout): void {
    const ids = doc.nodes.map((n) => n.id);
    expect(Object.keys(blocks.nodes).sort()).toEqual([...ids].sort());
    for (let i = 0; i < ids.length; i++)
      for (let j = i + 1; j < ids.length; j++) {
        const a = blocks.nodes[ids[i]];
        const b = blocks.nodes[ids[j]];
        expect(overlaps(a, b), `${ids[i]} ${fmt(a)} overlaps ${ids[j]} ${fmt(b)}`).toBe(false);
      }
    for (const id of ids) expect(inside(blocks.bounds, blocks.nodes[id]), id).toBe(true);
    // The hardware block spans its stack and is the lowest.
    for (const g of layout.groups) {
      if (g.root === null) continue;
      const hw = blocks.nodes[g.root];
      for (const id of g.nodes) {
        if (id === g.root) continue;
        const b = blocks.nodes[id];
        expect(spansX(hw, b), `${g.root} ${fmt(hw)} should span ${id} ${fmt(b)}`).toBe(true);
        expect(b.y + b.height, `${id} above ${g.root}`).toBeLessThanOrEqual(hw.y);
      }
    }
    // Each host spans what runs on it, which sits above it.
    const hostCount = new Map<string, number>();
    for (const e of doc.edges) hostCount.set(e.target, (hostCount.get(e.target) ?? 0) + 1);
    for (const e of doc.edges) {
      if (hostCount.get(e.target) !== 1) continue;
      const host = blocks.nodes[e.source];
      const guest = blocks.nodes[e.target];
      expect(
        spansX(host, guest),
        `${e.source} ${fmt(host)} should span ${e.target} ${fmt(guest)}`
      ).toBe(true);
      expect(guest.y + guest.height, `${e.target} above ${e.source}`).toBeLessThanOrEqual(host.y);
    }
  }

  it('every example: hardware spans its stack, hosts span their guests, children above parents', async () => {
    for (const [name, d] of Object.entries(examples())) {
      const { sizes } = measureDocument(d);
      const layout = await layoutDocument({ doc: d, sizes, elk });
      const blocks = layoutBlocks(d, layout, sizes);
      checkBlocks(d, layout, blocks);
      // Every block at least as wide as its box, so its text fits.
      for (const n of d.nodes)
        expect(blocks.nodes[n.id].width, `${name} ${n.id}`).toBeGreaterThanOrEqual(
          sizes[n.id].width
        );
    }
  });

  it('three stacks: a hypervisor spans its guests, a guest OS its services, siblings keep their order', async () => {
    const d = threeStacks();
    addNode(d, 'svc-z', 'service', 'IIS', 'a-z');
    addNode(d, 'svc-z2', 'service', 'Exchange', 'a-z');
    const { sizes } = measureDocument(d);
    const layout = await layoutDocument({ doc: d, sizes, elk });
    const blocks = layoutBlocks(d, layout, sizes);
    checkBlocks(d, layout, blocks);
    const b = blocks.nodes;
    expect(byX(b, ['a-z', 'a-b', 'a-m'])).toEqual(['a-z', 'a-b', 'a-m']);
    expect(byX(b, ['s2', 's10', 's1'])).toEqual(['s2', 's10', 's1']);
    // The hypervisor is exactly as wide as its three guests side by side.
    const guests = ['a-z', 'a-b', 'a-m'].map((id) => b[id]);
    expect(b['a-hv'].x).toBeCloseTo(guests[0].x, 5);
    expect(b['a-hv'].x + b['a-hv'].width).toBeCloseTo(guests[2].x + guests[2].width, 5);
    // Layers line up across stacks; stacks stand apart, bottoms aligned.
    expect(b['a-hw'].y).toBe(b['b-hw'].y);
    expect(b['a-hv'].y).toBe(b['b-os'].y);
    expect(b['a-hw'].x + b['a-hw'].width).toBeLessThan(b['b-hw'].x);
    expect(b['b-hw'].x + b['b-hw'].width).toBeLessThan(b['c-hw'].x);
  });
});

/** A machine with one hypervisor running `guests` guest OSes; guest ids not in document order. */
function wideStack(guests: number): DiagramDocument {
  const d = makeDoc(['hw hardware Rack server', 'hv hypervisor ESXi 8'], ['hw>hv'], {
    hv: { product: 'VMware ESXi' }
  });
  for (let i = 0; i < guests; i++) {
    // vm-<reversed index>: natural id order is the reverse of document order.
    const id = `vm-${guests - i}`;
    addNode(
      d,
      id,
      'os',
      i % 7 ? `Ubuntu Server ${i}` : `Windows Server 2022 Datacenter ${i}`,
      'hv'
    );
  }
  return d;
}

/** `n` nodes, each running on every node before it: n(n-1)/2 edges (the dense file). */
function allPairs(n: number): DiagramDocument {
  const d: DiagramDocument = { version: 1, nodes: [], edges: [] };
  for (let i = 0; i < n; i++) {
    d.nodes.push({ id: `n${i}`, kind: i ? 'os' : 'hardware', label: 'x' });
    for (let j = 0; j < i; j++)
      d.edges.push({ id: `e${j}_${i}`, source: `n${j}`, target: `n${i}` });
  }
  return d;
}

/** The same items in an order drawn from a fixed seed (a small LCG). */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed >>> 0;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

describe('layoutDocument: wide and dense documents', SLOW, () => {
  // 300 guests are placed by ELK (mrtree), 1,000 by the plain tree placement.
  for (const guests of [300, 1_000]) {
    it(`a hypervisor with ${guests.toLocaleString('en-US')} guests: one row above it, in document order, centred`, async () => {
      const d = wideStack(guests);
      const l = await laidOut(d);
      checkGeometry(d, l);
      const vms = d.nodes.filter((n) => n.kind === 'os').map((n) => n.id);
      expect(byX(l.nodes, vms)).toEqual(vms);
      // All guests stand on one line, right above the hypervisor.
      const bottoms = new Set(vms.map((id) => l.nodes[id].y + l.nodes[id].height));
      expect([...bottoms]).toHaveLength(1);
      expect(l.nodes.hv.y - [...bottoms][0]).toBeLessThan(100);
      // The hypervisor is centred over its first and last guest, the hardware under it.
      const first = l.nodes[vms[0]];
      const last = l.nodes[vms[vms.length - 1]];
      expect(centreX(l.nodes.hv)).toBeCloseTo((centreX(first) + centreX(last)) / 2, 0);
      expect(centreX(l.nodes.hw)).toBeCloseTo(centreX(l.nodes.hv), 0);
    });
  }

  it('a relayout after adding a guest keeps the order of the others', async () => {
    const d = wideStack(1_000);
    addNode(d, 'vm-0a', 'os', 'Debian 12', 'hv');
    d.nodes.splice(5, 0, d.nodes.pop()!);
    const l = await laidOut(d);
    const vms = d.nodes.filter((n) => n.kind === 'os').map((n) => n.id);
    expect(vms[3]).toBe('vm-0a');
    expect(byX(l.nodes, vms)).toEqual(vms);
  });

  for (const n of [30, 100]) {
    it(`all pairs of ${n} nodes (${(n * (n - 1)) / 2} edges): every node placed, every edge routed, guests above all their hosts`, async () => {
      const d = allPairs(n);
      const l = await laidOut(d);
      checkGeometry(d, l);
      expect(Object.keys(l.edges)).toHaveLength(d.edges.length);
      for (const e of d.edges) {
        const pts = l.edges[e.id].points;
        const host = l.nodes[e.source];
        const guest = l.nodes[e.target];
        // From the host's top centre to the guest's bottom centre.
        expect(pts[0]).toEqual({ x: centreX(host), y: host.y });
        expect(pts[pts.length - 1]).toEqual({ x: centreX(guest), y: guest.y + guest.height });
      }
    });
  }

  it('the layout does not depend on the order of the edges in the file', async () => {
    const docs = [allPairs(30), threeStacks(), examples()['consolidation']];
    // A node on two hosts at different heights, and a loop on top of a stack.
    const odd = threeStacks();
    odd.edges.push(
      { id: 'x1', source: 'a-hw', target: 'a-m' },
      { id: 'x2', source: 'a-m', target: 'a-hv' }
    );
    odd.edges.push(
      { id: 'x3', source: 'c-os', target: 'a-b' },
      { id: 'x4', source: 's1', target: 's2' }
    );
    docs.push(odd);
    for (const d of docs) {
      const before = await laidOut(d);
      for (const seed of [1, 2, 3]) {
        const again = await laidOut({ ...d, edges: shuffled(d.edges, seed) });
        expect(again).toEqual(before);
      }
    }
  });

  it('a node on two hosts stands above both; loops and unplaced nodes are placed once, without overlap', async () => {
    const d = makeDoc(
      [
        'hw hardware Server',
        'hv hypervisor ESXi 8',
        'vm1 os Ubuntu',
        'vm2 os Windows',
        'svc service nginx, on two hosts',
        'a os Loop A',
        'b hypervisor Loop B',
        'u os Unplaced',
        'u2 service On the unplaced OS',
        'p os Pure loop P',
        'q hypervisor Pure loop Q'
      ],
      [
        'hw>hv',
        'hv>vm1',
        'hv>vm2',
        'vm1>svc',
        'hv>svc',
        'vm2>a',
        'a>b',
        'b>a',
        'u>u2',
        'u>svc',
        'p>q',
        'q>p'
      ]
    );
    const l = await laidOut(d);
    expect(Object.keys(l.nodes).sort()).toEqual(d.nodes.map((n) => n.id).sort());
    expect(Object.keys(l.edges).sort()).toEqual(d.edges.map((e) => e.id).sort());
    expect(overlapping(l.nodes, Object.keys(l.nodes))).toEqual([]);
    // The service also on the unplaced OS is drawn once, with its stack.
    expect(l.groups.flatMap((g) => g.nodes).sort()).toEqual(d.nodes.map((n) => n.id).sort());
    expect(l.groups.map((g) => g.root)).toEqual(['hw', null]);
    expect(l.groups[1].nodes).toEqual(['u', 'u2', 'p', 'q']);
    const top = (id: string) => l.nodes[id].y;
    const bottom = (id: string) => l.nodes[id].y + l.nodes[id].height;
    expect(top('vm1')).toBeGreaterThan(bottom('svc'));
    expect(top('hv')).toBeGreaterThan(bottom('svc'));
    expect(top('vm2')).toBeGreaterThan(bottom('a'));
    expect(top('a')).toBeGreaterThan(bottom('b'));
    expect(top('u')).toBeGreaterThan(bottom('u2'));
  });

  it('on random documents: each node once, no overlap, guests above hosts but in loops, any edge order alike', async () => {
    // Up to 12 nodes of any kind, any edges (loops, several hosts, hardware on a host).
    const arbDoc = fc
      .tuple(
        fc.array(fc.constantFrom(...KINDS), { minLength: 1, maxLength: 12 }),
        fc.array(fc.tuple(fc.nat(11), fc.nat(11)), { maxLength: 30 }),
        fc.nat()
      )
      .map(([kinds, pairs, seed]) => {
        const n = kinds.length;
        const ids = kinds.map((_, i) => `n${(i * 7) % n}-${i}`);
        const d: DiagramDocument = {
          version: 1,
          nodes: kinds.map((kind, i) => ({
            id: ids[i],
            kind,
            label: 'L'.repeat(1 + ((i * 5) % 23))
          })),
          edges: []
        };
        const seen = new Set<string>();
        for (const [a, b] of pairs) {
          const [s, t] = [a % n, b % n];
          if (s === t || seen.has(`${s}>${t}`)) continue;
          seen.add(`${s}>${t}`);
          d.edges.push({ id: `e${d.edges.length}`, source: ids[s], target: ids[t] });
        }
        return { d, seed };
      });
    await fc.assert(
      fc.asyncProperty(arbDoc, async ({ d, seed }) => {
        const l = await laidOut(d);
        const ids = d.nodes.map((n) => n.id);
        expect(l.groups.flatMap((g) => g.nodes).sort()).toEqual([...ids].sort());
        expect(overlapping(l.nodes, ids)).toEqual([]);
        expect(Object.keys(l.edges).sort()).toEqual(d.edges.map((e) => e.id).sort());
        // Within a group, a guest stands above its host unless the edge closes a loop.
        const group = new Map<string, number>();
        l.groups.forEach((g, i) => g.nodes.forEach((id) => group.set(id, i)));
        const guests = new Map<string, string[]>();
        for (const e of d.edges) guests.set(e.source, [...(guests.get(e.source) ?? []), e.target]);
        const reaches = (from: string, to: string) => {
          const todo = [from];
          const seen = new Set(todo);
          while (todo.length) {
            const x = todo.pop()!;
            if (x === to) return true;
            for (const c of guests.get(x) ?? []) {
              if (seen.has(c)) continue;
              seen.add(c);
              todo.push(c);
            }
          }
          return false;
        };
        for (const e of d.edges) {
          if (group.get(e.source) !== group.get(e.target) || reaches(e.target, e.source)) continue;
          const host = l.nodes[e.source];
          const guest = l.nodes[e.target];
          expect(host.y, `${e.source}>${e.target}`).toBeGreaterThan(guest.y + guest.height);
        }
        expect(await laidOut({ ...d, edges: shuffled(d.edges, seed) })).toEqual(l);
      }),
      { numRuns: 60 }
    );
  });
});
