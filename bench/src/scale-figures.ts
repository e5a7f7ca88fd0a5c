import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { layoutDocument, measureDocument, type DiagramDocument } from '../../src/lib/core/index';
import { nodeElk } from '../../src/lib/node/elk';
import { formatNumber, formatValue, type Figure } from './figures';
import { allPairs, standardDocument, wideStack } from './generate';
import { buildCli, type Log } from './node-figures';
import { root, tmp } from './paths';
import { repeat, time, type Stat } from './stats';

/**
 * Section 6: the wide and dense documents of the layout-scaling issue. Wide stacks are laid
 * out in this process (ELK warm, as in section 2); the dense files go through the built
 * CLI, each command a fresh process, timed whole, with its peak memory (max RSS).
 */

/** "A few seconds": the bound on any command for a document within the limits. */
const FEW_SECONDS_MS = 5_000;
/** "Well under 1 GB" of memory. */
const MEMORY_LIMIT = 2 ** 30;
/** A command still running after this is stopped and reported as missed. */
const KILL_AFTER_MS = 120_000;

const ms = (v: number) => formatNumber(v, 'ms');
const mb = (bytes: number) => formatNumber(bytes, 'MB');
const count = (n: number) => n.toLocaleString('en-US');

export async function scaleFigures(log: Log): Promise<Figure[]> {
  return [...(await wideFigures(log)), ...(await denseFigures(log))];
}

// ── Wide stacks ────────────────────────────────────────────────────────────────────────

/** The figures before the change (ELK `layered` with `considerModelOrder`). */
const BEFORE: Record<number, string> = {
  250: '2.3 s',
  1_000: '138 s',
  5_000: '3,000 guests ran out past 300 s and 3.5 GB'
};

async function wideFigures(log: Log): Promise<Figure[]> {
  const elk = nodeElk();
  // Warmed on the 1k document first, as section 2 does: ELK gets fast after a few hundred layouts.
  const warm = standardDocument(1_000);
  await layoutDocument({ doc: warm, sizes: measureDocument(warm).sizes, elk });
  const figures: Figure[] = [];
  for (const guests of [250, 1_000, 5_000]) {
    const doc = wideStack(guests);
    const { sizes } = measureDocument(doc);
    const stat = await time({ warmup: 1, runs: 7, budget: 20_000 }, () =>
      layoutDocument({ doc, sizes, elk })
    );
    log(`  wide stack, ${count(guests)} guests: ${formatValue({ value: stat, unit: 'ms' })}`);
    const goal = guests === 1_000 ? 1_000 : guests === 5_000 ? FEW_SECONDS_MS : undefined;
    figures.push({
      key: `layout.wide.${guests}`,
      section: 6,
      name: `Layout of one hypervisor with ${count(guests)} guests`,
      unit: 'ms',
      value: stat,
      ...(goal === undefined ? {} : { target: `≤ ${ms(goal)}`, met: stat.median <= goal }),
      note:
        `before: ${BEFORE[guests]}` +
        (guests === 250
          ? '; groups of up to 500 nodes are placed by ELK (mrtree), larger ones by the plain tree placement'
          : '')
    });
  }
  return figures;
}

// ── Dense files through the CLI ────────────────────────────────────────────────────────

interface DenseFile {
  key: string;
  runs: number;
  make: () => DiagramDocument;
  /** In the figures' names: "Dense file, …" or "Largest file, …". */
  kind: 'Dense' | 'Largest';
  /** The commands timed (default: validate, layout, export to SVG). */
  commands?: readonly Command[];
}

/**
 * The files: 30 nodes each on every node before it (435 edges, 21 KB), 100 nodes
 * on every other node (9,900 edges), 200 nodes before (19,900 edges), and two of about
 * 199,000 edges: 447 nodes on every other node (9.8 MB) and 632 nodes before (9.9 MB),
 * both under the reader's default limit (10 MiB).
 */
const dense = (key: string, nodes: number, pairs: 'before' | 'every', runs: number): DenseFile => ({
  key,
  runs,
  kind: 'Dense',
  make: () => allPairs(nodes, pairs)
});
const DENSE: DenseFile[] = [
  dense('30', 30, 'before', 5),
  dense('100-every', 100, 'every', 5),
  dense('200', 200, 'before', 3),
  dense('447-every', 447, 'every', 3),
  dense('632', 632, 'before', 3),
  // The node limit: 5,000 machines of the standard shape (50,000 nodes), also as a PNG.
  {
    key: '50k',
    runs: 2,
    kind: 'Largest',
    make: () => standardDocument(50_000),
    commands: ['validate', 'layout', 'export', 'png']
  }
];

const COMMANDS = ['validate', 'layout', 'export'] as const;
type Command = (typeof COMMANDS)[number] | 'png';

/** Preloaded into each CLI process: writes its peak memory (KB) to a file on exit. */
const PROBE = `const { writeFileSync } = require('node:fs');
process.on('exit', () => {
  const file = process.env.STACKDRAW_BENCH_RSS;
  if (file) writeFileSync(file, String(process.resourceUsage().maxRSS));
});
`;

interface Run {
  ms: number;
  /** Peak resident memory, bytes. */
  maxRss: number;
}

/** One CLI process: its wall-clock time and peak memory. Exit 0 or 1 (invalid) is success. */
function runCli(probe: string, args: string[]): Run {
  const rssFile = tmp('dense-rss.txt');
  rmSync(rssFile, { force: true });
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['-r', probe, root('bin/stackdraw.js'), ...args], {
    cwd: tmp(''),
    env: { ...process.env, STACKDRAW_BENCH_RSS: rssFile },
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
    maxBuffer: 64 * 2 ** 20,
    timeout: KILL_AFTER_MS
  });
  const t = performance.now() - t0;
  if (r.error) throw new Error(`stackdraw ${args[0]}: ${r.error.message}`);
  if (r.status !== 0 && r.status !== 1)
    throw new Error(`stackdraw ${args.join(' ')} exited ${r.status}: ${r.stderr.slice(0, 300)}`);
  return { ms: t, maxRss: Number(readFileSync(rssFile, 'utf8')) * 1024 };
}

function argsFor(command: Command, file: string, key: string): string[] {
  if (command === 'validate') return ['validate', file];
  if (command === 'png') return ['export', file, '-o', tmp(`dense-${key}.out.png`)];
  return [command, file, '-o', tmp(`dense-${key}.out.${command === 'export' ? 'svg' : 'json'}`)];
}

async function denseFigures(log: Log): Promise<Figure[]> {
  buildCli();
  const probe = tmp('rss-probe.cjs');
  writeFileSync(probe, PROBE);
  const figures: Figure[] = [];
  for (const f of DENSE) {
    const doc = f.make();
    const commands = f.commands ?? COMMANDS;
    const text = JSON.stringify(doc);
    const file = tmp(`dense-${f.key}.json`);
    writeFileSync(file, text);
    const bytes = Buffer.byteLength(text, 'utf8');
    // Decimal units, as the issue gives them (the reader's limit is 10 MiB, 10.5 MB).
    const size = bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${Math.round(bytes / 1e3)} KB`;
    const what = `${count(doc.nodes.length)} nodes, ${count(doc.edges.length)} edges (${size})`;
    try {
      const times = {} as Record<Command, Stat>;
      const peaks = {} as Record<Command, number>;
      for (const command of commands) {
        let peak = 0;
        // No warm-up: every run is a fresh process.
        times[command] = await repeat(
          { warmup: 0, runs: f.runs, budget: 60_000, minRuns: 1 },
          () => {
            const run = runCli(probe, argsFor(command, file, f.key));
            peak = Math.max(peak, run.maxRss);
            return run.ms;
          }
        );
        peaks[command] = peak;
      }
      const slowest = commands.reduce((a, b) => (times[b].median > times[a].median ? b : a));
      const largest = commands.reduce((a, b) => (peaks[b] > peaks[a] ? b : a));
      const each = (v: (c: Command) => string) =>
        commands.map((c) => `${c === 'png' ? 'export PNG' : c} ${v(c)}`).join(', ');
      const named = (c: Command) => (c === 'png' ? 'export` to PNG' : `${c}\``);
      log(`  ${what}: ${each((c) => ms(times[c].median))}; ${each((c) => mb(peaks[c]))}`);
      figures.push(
        {
          key: `dense.${f.key}.time`,
          section: 6,
          name: `${f.kind} file, ${what}: slowest command (\`${named(slowest)}, whole process)`,
          unit: 'ms',
          value: times[slowest],
          target: `≤ ${ms(FEW_SECONDS_MS)}`,
          met: times[slowest].median <= FEW_SECONDS_MS,
          note: each((c) => formatValue({ value: times[c], unit: 'ms' }))
        },
        {
          key: `dense.${f.key}.maxRss`,
          section: 6,
          name: `${f.kind} file, ${what}: peak memory (max RSS, \`${named(largest)})`,
          unit: 'MB',
          value: peaks[largest],
          target: '< 1 GB',
          met: peaks[largest] < MEMORY_LIMIT,
          note: each((c) => mb(peaks[c]))
        }
      );
    } catch (e) {
      const message = (e instanceof Error ? e.message : String(e)).split('\n')[0].slice(0, 120);
      log(`  ${what}: failed: ${message}`);
      figures.push({
        key: `dense.${f.key}.time`,
        section: 6,
        name: `${f.kind} file, ${what}: could not be measured`,
        unit: '',
        value: `failed: ${message}`,
        target: `≤ ${ms(FEW_SECONDS_MS)}`,
        met: false
      });
    }
  }
  return figures;
}
