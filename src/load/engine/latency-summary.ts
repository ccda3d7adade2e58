/** A microsecond histogram as the LoadSummary's LatencySummary, in ms. */
import type { LatencySummary } from '../load-summary.js';
import { mean, percentile, type Histogram } from './histogram.js';

const ms = (us: number): number => Math.round(us) / 1000;

export function latencySummary(histogram: Histogram): LatencySummary {
  if (histogram.count === 0) return { count: 0, min: 0, mean: 0, p50: 0, p90: 0, p95: 0, p99: 0, p999: 0, max: 0 };
  return {
    count: histogram.count,
    min: ms(histogram.min),
    mean: ms(mean(histogram)),
    p50: ms(percentile(histogram, 50)),
    p90: ms(percentile(histogram, 90)),
    p95: ms(percentile(histogram, 95)),
    p99: ms(percentile(histogram, 99)),
    p999: ms(percentile(histogram, 99.9)),
    max: ms(histogram.max),
  };
}
