/**
 * A log-linear histogram of non-negative integers (the engine records
 * latencies in microseconds), HdrHistogram-style: values below 1024 are
 * exact, above that each power of two is split into 512 buckets, so any
 * percentile is within 0.2 % of the true value. It is a plain record of
 * numbers so that worker threads can post it to the parent (Node's
 * `perf_hooks` histograms cannot cross threads) and merging is exact: the
 * merge of two histograms equals the histogram of both sets of values.
 */

const subBits = 10;
const half = 1 << (subBits - 1);
/** The largest value recorded exactly as itself; larger values are clamped (2^31 − 1 µs ≈ 35 min). */
export const histogramMaxValue = 2 ** 31 - 1;

export interface Histogram {
  /** Bucket index → count (sparse, so it clones small). */
  readonly counts: Map<number, number>;
  count: number;
  min: number;
  max: number;
  sum: number;
}

export const createHistogram = (): Histogram => ({ counts: new Map(), count: 0, min: Infinity, max: -Infinity, sum: 0 });

export function bucketIndex(value: number): number {
  if (value < 1 << subBits) return value;
  const shift = 31 - Math.clz32(value) - subBits + 1;
  return (shift << (subBits - 1)) + (value >>> shift);
}

/** The smallest value of bucket `index`, and its width. */
function bucketRange(index: number): { low: number; width: number } {
  if (index < 1 << subBits) return { low: index, width: 1 };
  const shift = Math.floor(index / half) - 1;
  return { low: (index - (shift << (subBits - 1))) * 2 ** shift, width: 2 ** shift };
}

/** Records one value (rounded to an integer, clamped to [0, histogramMaxValue]). */
export function record(histogram: Histogram, value: number): void {
  const v = Math.min(histogramMaxValue, Math.max(0, Math.round(value)));
  const index = bucketIndex(v);
  histogram.counts.set(index, (histogram.counts.get(index) ?? 0) + 1);
  histogram.count++;
  histogram.sum += v;
  if (v < histogram.min) histogram.min = v;
  if (v > histogram.max) histogram.max = v;
}

/** Adds `from` into `into` (exact). */
export function mergeInto(into: Histogram, from: Histogram): Histogram {
  for (const [index, n] of from.counts) into.counts.set(index, (into.counts.get(index) ?? 0) + n);
  into.count += from.count;
  into.sum += from.sum;
  if (from.min < into.min) into.min = from.min;
  if (from.max > into.max) into.max = from.max;
  return into;
}

/**
 * The value at percentile `p` (0..100): the middle of the bucket holding the
 * ⌈p/100 · count⌉-th smallest value, clamped to the exact min and max. 0 when empty.
 */
export function percentile(histogram: Histogram, p: number): number {
  if (histogram.count === 0) return 0;
  const rank = Math.max(1, Math.ceil((p / 100) * histogram.count));
  let seen = 0;
  for (const index of [...histogram.counts.keys()].sort((a, b) => a - b)) {
    seen += histogram.counts.get(index)!;
    if (seen >= rank) {
      const { low, width } = bucketRange(index);
      return Math.min(histogram.max, Math.max(histogram.min, low + (width - 1) / 2));
    }
  }
  return histogram.max;
}

export const mean = (histogram: Histogram): number => (histogram.count === 0 ? 0 : histogram.sum / histogram.count);
