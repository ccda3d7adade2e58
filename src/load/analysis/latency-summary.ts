/** Exact percentiles of a small set of latencies (timeline buckets, tests); the engine keeps its own histograms for whole runs. */
import type { LatencySummary } from '../load-summary.js';

/**
 * The `q`-quantile (0..1) of ascending `sortedMs` by nearest rank (the
 * smallest value with at least q of the values at or below it, as
 * HdrHistogram reports); 0 when empty.
 */
export function percentile(sortedMs: readonly number[], q: number): number {
  if (sortedMs.length === 0) return 0;
  const rank = Math.max(1, Math.ceil(q * sortedMs.length));
  return sortedMs[Math.min(sortedMs.length, rank) - 1]!;
}

/** Count, min, mean, p50/p90/p95/p99/p99.9 and max of `valuesMs` (ms); all zeros when empty. */
export function latencySummary(valuesMs: readonly number[]): LatencySummary {
  const sorted = [...valuesMs].sort((a, b) => a - b);
  const count = sorted.length;
  const mean = count === 0 ? 0 : sorted.reduce((sum, v) => sum + v, 0) / count;
  return {
    count,
    min: sorted[0] ?? 0,
    mean,
    p50: percentile(sorted, 0.5),
    p90: percentile(sorted, 0.9),
    p95: percentile(sorted, 0.95),
    p99: percentile(sorted, 0.99),
    p999: percentile(sorted, 0.999),
    max: sorted[count - 1] ?? 0,
  };
}
