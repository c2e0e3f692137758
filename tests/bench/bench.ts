/**
 * Shared shape of `npm run bench` sections. Each `tests/bench/*.bench.ts` module exports
 * `run(): Promise<BenchSection>`; tests/bench/run.ts prints every section as a table and
 * writes them all to bench-results/latest.json. Speed is always reported against a
 * reference measured in the same process (never as a timed assertion in tests).
 */

export type BenchValue = string | number | null;

export interface BenchSection {
  title: string;
  /** Column order for the printed table; defaults to the keys of the first row. */
  columns?: string[];
  rows: Array<Record<string, BenchValue>>;
  /** What was measured and how, what was skipped and why. */
  notes?: string[];
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export const median = (values: readonly number[]) => percentile(values, 50);

/**
 * Median time of `fn` in ms: a warm-up call, then at least `minRuns` runs and at least
 * `minMs` of measured time (capped at `maxRuns`). `setup` runs before each call, untimed.
 */
export function timeMedian<T>(fn: (input: T) => unknown, setup: () => T, { minRuns = 5, minMs = 20, maxRuns = 200 } = {}): number {
  fn(setup());
  const times: number[] = [];
  let spent = 0;
  while (times.length < maxRuns && (times.length < minRuns || spent < minMs)) {
    const input = setup();
    const start = performance.now();
    fn(input);
    const elapsed = performance.now() - start;
    times.push(elapsed);
    spent += elapsed;
  }
  return median(times);
}

export const round = (value: number, digits = 2) => (Number.isFinite(value) ? Number(value.toFixed(digits)) : null);
