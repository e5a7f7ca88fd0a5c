/**
 * Timing helpers: every figure is the median of several runs after a warm-up, reported
 * with its min and max.
 */

export interface Stat {
  median: number;
  min: number;
  max: number;
  runs: number;
}

export function summarize(values: readonly number[]): Stat {
  if (values.length === 0) throw new Error('no values to summarize');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1], runs: values.length };
}

/** The value at fraction `q` (0..1) of the sorted values (nearest rank). */
export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

export interface Repeat {
  warmup: number;
  runs: number;
  /**
   * A time box (ms, warm-up included): once it is spent, no further run starts, as long as
   * `minRuns` (default 3) have been measured. Keeps the bench short on a busy machine.
   */
  budget?: number;
  minRuns?: number;
}

/** Run `fn` warmup + runs times; each run returns its own measurement (ms, bytes…). */
export async function repeat(
  r: Repeat,
  fn: (i: number) => Promise<number> | number
): Promise<Stat> {
  const start = performance.now();
  // No forced garbage collection between runs: a full collection also flushes compiled
  // code (V8 ages it), which made ELK's first layout after it several times slower.
  for (let i = 0; i < r.warmup; i++) await fn(-1 - i);
  const values: number[] = [];
  const minRuns = Math.min(r.runs, r.minRuns ?? 3);
  for (let i = 0; i < r.runs; i++) {
    if (r.budget !== undefined && i >= minRuns && performance.now() - start > r.budget) break;
    values.push(await fn(i));
  }
  return summarize(values);
}

/** Wall-clock milliseconds of `fn`, repeated. */
export function time(r: Repeat, fn: (i: number) => unknown): Promise<Stat> {
  return repeat(r, async (i) => {
    const t0 = performance.now();
    await fn(i);
    return performance.now() - t0;
  });
}
