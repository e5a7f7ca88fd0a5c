import dagre from '@dagrejs/dagre';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import {
  exportSvg,
  layoutDocument,
  layoutGroups,
  LayoutCache,
  measureDocument,
  readDocument,
  validate,
  withPositions,
  type DiagramDocument,
  type LayoutResult,
  type Size,
  STACK_GAP
} from '../../src/lib/core/index';
import { areaBoundZoom, fitZoom, nodeBounds } from '../../src/lib/core/layout/viewport.fixture';
import { nodeElk } from '../../src/lib/node/elk';
import { loadFontSources } from '../../src/lib/node/fonts';
import { formatNumber, formatValue, median, type Figure } from './figures';
import { standardDocument } from './generate';
import { root, tmp } from './paths';
import { repeat, time, type Stat } from './stats';

/** Sections 1–4: everything measured in this Node process or in child processes. */

/** No reader limits: the 100k-node document is over the default 50,000 nodes. */
const UNLIMITED = { maxNodes: 1e9, maxBytes: 1e12 };

const k = (n: number) => (n >= 1000 ? `${n / 1000}k` : String(n));
const ms = (v: number) => formatNumber(v, 'ms');

export interface Log {
  (line: string): void;
}

// ── 1. Validation ──────────────────────────────────────────────────────────────────────

export async function validationFigures(log: Log): Promise<Figure[]> {
  const sizes = [1_000, 10_000, 100_000];
  const runsFor = (n: number) =>
    n >= 100_000
      ? { warmup: 2, runs: 7, budget: 30_000 }
      : n >= 10_000
        ? { warmup: 5, runs: 15, budget: 10_000 }
        : { warmup: 20, runs: 30, budget: 5_000 };
  const stats: Record<number, Stat> = {};
  for (const n of sizes) {
    const text = JSON.stringify(standardDocument(n));
    stats[n] = await time(runsFor(n), () => {
      const read = readDocument(text, UNLIMITED);
      if (!read.ok) throw new Error(`generated document unreadable: ${read.errors[0].message}`);
      const report = validate(read.document);
      if (!report.valid) throw new Error('generated document is invalid');
    });
    log(`  validate ${k(n)}: ${formatValue({ value: stats[n], unit: 'ms' })}`);
  }
  // The peer: JSON.parse of the same 10k text, timed in the same run right after.
  const text10k = JSON.stringify(standardDocument(10_000));
  const parse10k = await time(runsFor(10_000), () => JSON.parse(text10k));
  const vsParse = stats[10_000].median / parse10k.median;
  log(`  JSON.parse 10k: ${formatValue({ value: parse10k, unit: 'ms' })} (${vsParse.toFixed(2)}×)`);
  const exponent = Math.log10(stats[100_000].median / stats[10_000].median);
  return [
    ...sizes.map((n): Figure => ({
      key: `validate.${k(n)}`,
      section: 1,
      name: `Validation (parse + rules), ${k(n)} nodes`,
      unit: 'ms',
      value: stats[n],
      ...(n === 10_000
        ? {
            peer: `JSON.parse ${formatValue({ value: parse10k, unit: 'ms' })}`,
            ratio: vsParse,
            target: '≤ 1.5× JSON.parse',
            met: vsParse <= 1.5
          }
        : {})
    })),
    {
      key: 'validate.exponent',
      section: 1,
      name: 'Validation growth exponent, 10k → 100k',
      unit: 'exp',
      value: exponent,
      target: '≤ 1.15',
      met: exponent <= 1.15
    }
  ];
}

// ── 2. Layout ──────────────────────────────────────────────────────────────────────────

/**
 * The peer: dagre on the same graphs ELK gets, one per stack (the groups of
 * `layoutGroups`), bottom-up with the same spacing, the stacks then set side by side.
 */
export function dagreLayout(doc: DiagramDocument, sizes: Record<string, Size>): number {
  let x = 0;
  const edgesBySource = new Map<string, { source: string; target: string }[]>();
  for (const e of doc.edges) {
    const list = edgesBySource.get(e.source) ?? [];
    list.push(e);
    edgesBySource.set(e.source, list);
  }
  for (const group of layoutGroups(doc)) {
    const g = new dagre.graphlib.Graph();
    g.setGraph({ rankdir: 'BT', nodesep: 28, ranksep: 40, edgesep: 10, marginx: 0, marginy: 0 });
    g.setDefaultEdgeLabel(() => ({}));
    const members = new Set(group.nodes);
    for (const id of group.nodes) g.setNode(id, { ...sizes[id] });
    for (const id of group.nodes)
      for (const e of edgesBySource.get(id) ?? [])
        if (members.has(e.target)) g.setEdge(id, e.target);
    dagre.layout(g);
    x += (g.graph().width ?? 0) + 72;
  }
  return x;
}

export async function layoutFigures(log: Log): Promise<Figure[]> {
  const elk = nodeElk();
  const figures: Figure[] = [];
  const runsFor = (n: number) =>
    n >= 5000
      ? { warmup: 1, runs: 5, budget: 20_000 }
      : n >= 1000
        ? { warmup: 2, runs: 7, budget: 15_000 }
        : { warmup: 5, runs: 15, budget: 5_000 };
  let full1k: Stat | undefined;
  let dagre1k: Stat | undefined;
  // Both engines warmed on the 1k document first: ELK's compiled-from-Java code takes a
  // few hundred layouts to get fast, and the smallest document alone would not warm it.
  {
    const doc = standardDocument(1_000);
    const { sizes } = measureDocument(doc);
    const layout = await layoutDocument({ doc, sizes, elk });
    dagreLayout(doc, sizes);
    figures.push(...fitFigures(layout, await smallStacks(elk)));
  }
  for (const n of [100, 1_000, 5_000]) {
    const doc = standardDocument(n);
    const { sizes } = measureDocument(doc);
    const ours = await time(runsFor(n), () => layoutDocument({ doc, sizes, elk }));
    const peer = await time(runsFor(n), () => dagreLayout(doc, sizes));
    if (n === 1_000) {
      full1k = ours;
      dagre1k = peer;
    }
    log(`  layout ${k(n)}: ELK ${ms(ours.median)}, dagre ${ms(peer.median)}`);
    figures.push({
      key: `layout.full.${k(n)}`,
      section: 2,
      name: `Full layout (ELK), ${k(n)} nodes, ${n / 10} stacks`,
      unit: 'ms',
      value: ours,
      peer: `dagre ${formatValue({ value: peer, unit: 'ms' })}`,
      ratio: ours.median / peer.median,
      target: '≤ dagre',
      met: ours.median <= peer.median
    });
  }

  // Incremental: a 100-stack, 1k-node document laid out once; then each run adds one
  // service to one more stack, so exactly one stack is laid out again.
  let doc = standardDocument(1_000);
  const cache = new LayoutCache();
  await layoutDocument({ doc, sizes: measureDocument(doc).sizes, elk, cache });
  const misses: number[] = [];
  const incremental = await repeat({ warmup: 3, runs: 15, budget: 10_000 }, async (i) => {
    const stack = (i + 3 + 100) % 100;
    const vm = doc.nodes.filter((nd) => nd.kind === 'os')[stack * 4];
    const id = `bench-svc-${i + 10}`;
    doc = {
      ...doc,
      nodes: [...doc.nodes, { id, kind: 'service', label: 'Web server' }],
      edges: [...doc.edges, { id: `e-${id}`, source: vm.id, target: id }]
    };
    const sizes = measureDocument(doc).sizes;
    const before = cache.misses;
    const t0 = performance.now();
    await layoutDocument({ doc, sizes, elk, cache });
    const t = performance.now() - t0;
    misses.push(cache.misses - before);
    return t;
  });
  if (misses.some((m) => m !== 1))
    throw new Error(`incremental relayout laid out ${misses} stacks`);
  const speedup = median(full1k!) / incremental.median;
  log(`  incremental 1k: ${ms(incremental.median)} (${speedup.toFixed(0)}× faster than full)`);
  figures.push(
    {
      key: 'layout.incremental.1k',
      section: 2,
      name: 'Incremental relayout, 1 edited stack of 100 (1k nodes)',
      unit: 'ms',
      value: incremental,
      peer: `dagre (no cache) ${formatValue({ value: dagre1k!, unit: 'ms' })}`,
      note: 'each run adds a service to one more stack; the other 99 stacks come from the cache'
    },
    {
      key: 'layout.incremental.speedup',
      section: 2,
      name: 'Incremental vs full layout, 1k nodes',
      unit: '×',
      value: speedup,
      target: '≥ 20×',
      met: speedup >= 20
    }
  );
  return figures;
}

/** 100 machines with a Type 1 hypervisor each and nothing on it: the smallest stacks. */
async function smallStacks(elk: ReturnType<typeof nodeElk>): Promise<LayoutResult> {
  const doc: DiagramDocument = { version: 1, nodes: [], edges: [] };
  for (let m = 0; m < 100; m++) {
    doc.nodes.push(
      { id: `hw${m}`, kind: 'hardware', label: `Server ${m}` },
      { id: `hv${m}`, kind: 'hypervisor', label: 'ESXi 8', product: 'VMware ESXi' }
    );
    doc.edges.push({ id: `e${m}`, source: `hw${m}`, target: `hv${m}` });
  }
  return layoutDocument({ doc, sizes: measureDocument(doc).sizes, elk });
}

/**
 * The zoom the editor fits 100 stacks at in a 1366×768 window (its canvas is 816×705 px;
 * fitZoom is Svelte Flow's fitView formula, checked against the page by the browser test),
 * from the laid-out positions: the 1k document's stacks and the smallest stacks.
 */
function fitFigures(standard: LayoutResult, small: LayoutResult): Figure[] {
  const zoom = (l: LayoutResult) => fitZoom(nodeBounds(l.nodes));
  const stacks = standard.groups.map((g) => g.bounds);
  const bound = areaBoundZoom(stacks);
  const mean = (f: (r: (typeof stacks)[number]) => number) =>
    Math.round(stacks.reduce((s, r) => s + f(r), 0) / stacks.length);
  const oneRow = stacks.reduce((s, r) => s + r.width + STACK_GAP, -STACK_GAP);
  return [
    {
      key: 'layout.fit.1k',
      section: 2,
      name: 'Fitted zoom, 100 stacks of 10 nodes, 1366×768 window',
      unit: '',
      value: zoom(standard),
      target: '≥ 0.25',
      met: zoom(standard) >= 0.25,
      note: `in rows (one row, ${Math.round(oneRow).toLocaleString('en-US')} px wide, would need ${fitZoom({ width: oneRow, height: 400 }, undefined, false).toFixed(4)}, below the editor's least zoom, 0.05); these stacks are ${mean((r) => r.width)}×${mean((r) => r.height)} px on average, so no placement without overlap fits them above ${bound.toFixed(2)}`
    },
    {
      key: 'layout.fit.small',
      section: 2,
      name: 'Fitted zoom, 100 stacks of hardware and hypervisor, 1366×768 window',
      unit: '',
      value: zoom(small),
      target: '≥ 0.25',
      met: zoom(small) >= 0.25
    }
  ];
}

// ── 3. Export ──────────────────────────────────────────────────────────────────────────

/** The 1k-node diagram, laid out by ELK, positions stored: what the editor holds. */
export async function laidOutDocument(nodes: number): Promise<DiagramDocument> {
  const doc = standardDocument(nodes);
  const layout = await layoutDocument({ doc, sizes: measureDocument(doc).sizes, elk: nodeElk() });
  return withPositions(doc, layout);
}

export interface ExportResult {
  figures: Figure[];
  /** Ours, for the comparison with the browser peer. */
  plain: { ms: number; bytes: number };
  embedded: { ms: number; bytes: number };
}

export async function exportFigures(log: Log, doc: DiagramDocument): Promise<ExportResult> {
  const elk = nodeElk();
  const n = doc.nodes.length;
  const fonts = await loadFontSources();
  let plain = '';
  let embedded = '';
  const runs = { warmup: 5, runs: 15, budget: 8_000 };
  const plainStat = await time(runs, async () => {
    plain = await exportSvg({ doc, elk });
  });
  const embedStat = await time(runs, async () => {
    embedded = await exportSvg({ doc, elk, fonts });
  });
  const unplaced: DiagramDocument = {
    ...doc,
    nodes: doc.nodes.map(({ position: _, ...rest }) => rest)
  };
  // ELK is warm by now (section 2 ran in this process, or the laid-out document's layout).
  const withLayout = await time({ warmup: 0, runs: 5, budget: 10_000 }, () =>
    exportSvg({ doc: unplaced, elk })
  );
  const bytes = (s: string) => Buffer.byteLength(s, 'utf8');
  writeFileSync(tmp('export-1k.svg'), embedded);
  for (const svg of [plain, embedded])
    if (/<foreignObject|<script/i.test(svg)) throw new Error('our SVG is not pure SVG');
  log(
    `  export 1k: ${ms(plainStat.median)}, ${bytes(plain)} B; embedded ${ms(embedStat.median)}, ${bytes(embedded)} B`
  );
  return {
    plain: { ms: plainStat.median, bytes: bytes(plain) },
    embedded: { ms: embedStat.median, bytes: bytes(embedded) },
    figures: [
      {
        key: 'export.svg.1k',
        section: 3,
        name: `SVG export, ${k(n)} nodes (laid out)`,
        unit: 'ms',
        value: plainStat,
        target: '≤ 50 ms',
        met: plainStat.median <= 50
      },
      {
        key: 'export.svg.1k.bytesPerNode',
        section: 3,
        name: `SVG size, ${k(n)} nodes`,
        unit: 'B/node',
        value: bytes(plain) / n,
        note: `${bytes(plain).toLocaleString('en-US')} B in all, pure SVG (no foreignObject), the document JSON included in <metadata>`
      },
      {
        key: 'export.svgEmbed.1k',
        section: 3,
        name: `SVG export with font subset, ${k(n)} nodes`,
        unit: 'ms',
        value: embedStat
      },
      {
        key: 'export.svgEmbed.1k.bytesPerNode',
        section: 3,
        name: `SVG size with font subset, ${k(n)} nodes`,
        unit: 'B/node',
        value: bytes(embedded) / n,
        note: `${bytes(embedded).toLocaleString('en-US')} B in all`
      },
      {
        key: 'export.svgWithLayout.1k',
        section: 3,
        name: `SVG export incl. ELK layout (no stored positions), ${k(n)} nodes`,
        unit: 'ms',
        value: withLayout
      }
    ]
  };
}

// ── 4. CLI cold start ──────────────────────────────────────────────────────────────────

function processMs(args: string[], cwd: string): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { cwd, encoding: 'utf8' });
  const t = performance.now() - t0;
  if (r.status !== 0)
    throw new Error(`stackdraw ${args.slice(1).join(' ')} exited ${r.status}: ${r.stderr}`);
  return t;
}

/** Build the CLI as `npm ci` does, from the current sources. */
export function buildCli(): void {
  const build = spawnSync(process.execPath, [root('scripts/build-cli.js')], { encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`building the CLI failed: ${build.stderr}`);
}

export async function cliFigures(log: Log): Promise<Figure[]> {
  buildCli();
  const file = tmp('cli-50.json');
  writeFileSync(file, JSON.stringify(standardDocument(50), null, 2) + '\n');
  const bin = root('bin/stackdraw.js');
  const cwd = tmp('');
  const validateStat = await repeat({ warmup: 2, runs: 11, budget: 10_000 }, () =>
    processMs([bin, 'validate', file], cwd)
  );
  const exportStat = await repeat({ warmup: 1, runs: 7, budget: 12_000 }, () =>
    processMs([bin, 'export', file, '-o', tmp('cli-50.svg')], cwd)
  );
  const nodeStat = await repeat({ warmup: 2, runs: 11, budget: 5_000 }, () =>
    processMs(['-e', '0'], cwd)
  );
  log(
    `  cli: validate ${ms(validateStat.median)}, export ${ms(exportStat.median)}, bare node ${ms(nodeStat.median)}`
  );
  return [
    {
      key: 'cli.validate.50',
      section: 4,
      name: '`stackdraw validate`, 50-node file (whole process)',
      unit: 'ms',
      value: validateStat,
      peer: `\`node -e 0\` ${formatValue({ value: nodeStat, unit: 'ms' })}`,
      ratio: validateStat.median / nodeStat.median,
      target: '≤ 300 ms',
      met: validateStat.median <= 300
    },
    {
      key: 'cli.export.50',
      section: 4,
      name: '`stackdraw export` to SVG, 50-node file (whole process)',
      unit: 'ms',
      value: exportStat,
      target: '≤ 450 ms',
      met: exportStat.median <= 450,
      note: 'the file has no positions, so the export lays it out with ELK first (as `stackdraw export` does), and embeds the font subset (the default)'
    }
  ];
}
