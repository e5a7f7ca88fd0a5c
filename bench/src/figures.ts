import type { Stat } from './stats';

/**
 * The figures the bench reports: a value (one number, or a median with min and max), its
 * peer where the issue names one, and its target with MET / MISSED where it has one.
 * Targets are reported, never asserted: a missed target does not fail the bench.
 */

export type Unit = 'ms' | 'B' | 'KB' | 'MB' | 'B/node' | '×' | 'count' | 'exp' | '';

export interface Figure {
  /** Stable key in results.json, e.g. `validate.10k`. */
  key: string;
  /** 1–6: the section of the issue it answers. */
  section: number;
  name: string;
  unit: Unit;
  /** A timing (median, min, max) or a single number. */
  value: Stat | number | string;
  /** The peer's figure, already formatted (e.g. `dagre 812 ms`). */
  peer?: string;
  /** The figure over its peer's, measured in the same run (printed as `1.23×`). */
  ratio?: number;
  /** The target, formatted (e.g. `≤ 10 ms`). */
  target?: string;
  met?: boolean;
  /** A short remark printed under the table. */
  note?: string;
}

export const SECTIONS: Record<number, string> = {
  1: 'Validation',
  2: 'Layout (Node)',
  3: 'Export',
  4: 'CLI cold start',
  5: 'Browser (Chromium)',
  6: 'Wide and dense documents'
};

const digits = (v: number) => (Math.abs(v) >= 100 ? 0 : Math.abs(v) >= 10 ? 1 : 2);

export function formatNumber(v: number, unit: Unit): string {
  if (unit === 'B') return `${Math.round(v).toLocaleString('en-US')} B`;
  if (unit === 'KB') return `${(v / 1024).toFixed(1)} KB`;
  if (unit === 'MB') return `${(v / 2 ** 20).toFixed(0)} MB`;
  if (unit === 'count') return String(Math.round(v));
  if (unit === 'exp') return v.toFixed(2);
  if (unit === '×') return `${v.toFixed(digits(v))}×`;
  const n = v.toFixed(digits(v));
  return unit ? `${n} ${unit}` : n;
}

export function formatValue(f: Pick<Figure, 'value' | 'unit'>): string {
  const { value, unit } = f;
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return formatNumber(value, unit);
  if (value.runs === 1 || value.min === value.max) return formatNumber(value.median, unit);
  // The range in the figure's own number format, without repeating the unit.
  const bare = (v: number) => formatNumber(v, unit).replace(/ ?(ms|B|KB|MB|B\/node)$/, '');
  const range = `${bare(value.min)}–${bare(value.max)}`;
  return `${formatNumber(value.median, unit)} (${range})`;
}

export const median = (v: Figure['value']): number =>
  typeof v === 'number' ? v : typeof v === 'string' ? NaN : v.median;

export const verdict = (f: Figure) => (f.met === undefined ? '' : f.met ? 'MET' : 'MISSED');

const escapeCell = (s: string) => s.replace(/\|/g, '\\|');

/** One Markdown table (aligned, so it reads well in a terminal too). */
export function table(figures: readonly Figure[]): string {
  const header = ['#', 'Figure', 'Median (min–max)', 'Peer', 'Ratio', 'Target', 'Result'];
  const rows = figures.map((f) => [
    String(f.section),
    f.name,
    formatValue(f),
    f.peer ?? '',
    f.ratio === undefined ? '' : formatNumber(f.ratio, '×'),
    f.target ?? '',
    verdict(f)
  ]);
  const cells = [header, ...rows].map((r) => r.map(escapeCell));
  const widths = header.map((_, i) => Math.max(3, ...cells.map((r) => [...r[i]].length)));
  const line = (r: string[]) =>
    `| ${r.map((c, i) => c + ' '.repeat(widths[i] - [...c].length)).join(' | ')} |`;
  return [
    line(cells[0]),
    `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`,
    ...cells.slice(1).map(line)
  ].join('\n');
}

/** The notes of the figures that have one, numbered by figure. */
export function notes(figures: readonly Figure[]): string[] {
  return figures.filter((f) => f.note).map((f) => `- ${f.name}: ${f.note}`);
}
