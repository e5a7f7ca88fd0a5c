import { writeFileSync } from 'node:fs';
import type { DiagramDocument } from '../../src/lib/core/index';
import { browserFigures } from './browser-figures';
import { notes, SECTIONS, table, type Figure } from './figures';
import { describeMachine, loadAverage, machine } from './machine';
import {
  cliFigures,
  exportFigures,
  laidOutDocument,
  layoutFigures,
  validationFigures,
  type ExportResult
} from './node-figures';
import { root } from './paths';
import { scaleFigures } from './scale-figures';

/**
 * `npm run bench`: every figure of the performance issue, printed as one table and
 * written to bench/results.json. `npm run bench -- --only 1,3` runs some sections only
 * (results.json is then left alone).
 */

function partsToRun(argv: string[]): { sections: Set<number>; browserParts?: Set<string> } {
  const i = argv.indexOf('--only');
  if (i < 0) return { sections: new Set([1, 2, 3, 4, 5, 6]) };
  const tokens = (argv[i + 1] ?? '').split(',');
  // `5b` is one part of section 5 (a: load, b: drag, c: long tasks, d: problems).
  const parts = tokens.filter((t) => /^5[a-d]$/.test(t)).map((t) => t[1]);
  return {
    sections: new Set(tokens.map((t) => Number(t[0]))),
    browserParts: parts.length ? new Set(parts) : undefined
  };
}

async function main() {
  const started = performance.now();
  const { sections: only, browserParts } = partsToRun(process.argv.slice(2));
  const log = (line: string) => process.stderr.write(line + '\n');
  const m = machine();
  log(`stackdraw bench on ${describeMachine(m)}`);
  const figures: Figure[] = [];

  /** Runs one part; a part that throws is reported as a failed row, and the rest go on. */
  async function part(section: number, label: string, run: () => Promise<Figure[]>) {
    log(`${section}. ${label}`);
    const t0 = performance.now();
    try {
      figures.push(...(await run()));
      log(`  (${Math.round((performance.now() - t0) / 1000)} s)`);
    } catch (e) {
      log(`  failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      const message = (e instanceof Error ? e.message : String(e)).split('\n')[0].slice(0, 120);
      figures.push({
        key: `failed.${section}.${label}`,
        section,
        name: `${label}: could not be measured`,
        unit: '',
        value: `failed: ${message}`,
        met: false
      });
    }
  }

  if (only.has(1)) await part(1, SECTIONS[1], () => validationFigures(log));
  if (only.has(2)) await part(2, SECTIONS[2], () => layoutFigures(log));
  let doc1k: DiagramDocument | undefined;
  let ours: ExportResult | undefined;
  if (only.has(3))
    await part(3, SECTIONS[3], async () => {
      doc1k = await laidOutDocument(1_000);
      ours = await exportFigures(log, doc1k);
      return ours.figures;
    });
  if (only.has(4)) await part(4, SECTIONS[4], () => cliFigures(log));
  if (only.has(3) || only.has(5))
    await part(5, SECTIONS[5], async () => {
      const browser = await browserFigures(log, {
        sections: only,
        parts: browserParts,
        exportDoc: doc1k,
        ours
      });
      m.chromium = browser.chromium;
      return browser.figures;
    });
  if (only.has(6)) await part(6, SECTIONS[6], () => scaleFigures(log));
  m.loadAfter = loadAverage();

  figures.sort((a, b) => a.section - b.section);
  const seconds = (performance.now() - started) / 1000;
  const out = [
    table(figures),
    '',
    ...notes(figures),
    '',
    `Machine: ${describeMachine(m)}`,
    `Took ${Math.round(seconds)} s.`
  ].join('\n');
  process.stdout.write(out + '\n');
  if (only.size === 6 && !browserParts) {
    const results = {
      date: new Date().toISOString(),
      command: 'npm run bench',
      machine: m,
      seconds: Math.round(seconds),
      figures
    };
    writeFileSync(root('bench/results.json'), JSON.stringify(results, null, 2) + '\n');
    log('Wrote bench/results.json');
  }
}

await main();
