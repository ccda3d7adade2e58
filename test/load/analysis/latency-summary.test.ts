import { describe, expect, it } from 'vitest';
import { latencySummary, percentile } from '../../../src/load/analysis/latency-summary.js';

describe('latencySummary', () => {
  it('uses nearest-rank percentiles', () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(latencySummary(values)).toEqual({ count: 100, min: 1, mean: 50.5, p50: 50, p90: 90, p95: 95, p99: 99, p999: 100, max: 100 });
    expect(percentile([5], 0.99)).toBe(5);
    expect(percentile([1, 2], 0)).toBe(1);
  });

  it('is all zeros when empty', () => {
    expect(latencySummary([])).toEqual({ count: 0, min: 0, mean: 0, p50: 0, p90: 0, p95: 0, p99: 0, p999: 0, max: 0 });
  });
});
