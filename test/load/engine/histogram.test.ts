import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { createHistogram, mergeInto, percentile, record } from '../../../src/load/engine/histogram.js';
import { latencySummary } from '../../../src/load/engine/latency-summary.js';

const micros = fc.array(fc.oneof(fc.integer({ min: 0, max: 2_000 }), fc.integer({ min: 0, max: 300_000_000 })), { minLength: 1, maxLength: 400 });
const percentiles = [0, 1, 50, 90, 99, 99.9, 100];

describe('histogram', () => {
  test.prop([fc.array(micros, { minLength: 1, maxLength: 4 })])('merging per-thread histograms equals one histogram of all values', (parts) => {
    const whole = createHistogram();
    for (const v of parts.flat()) record(whole, v);
    const merged = createHistogram();
    for (const part of parts) {
      const h = createHistogram();
      for (const v of part) record(h, v);
      // What a worker posts: a structured clone.
      mergeInto(merged, structuredClone(h));
    }
    expect([merged.count, merged.min, merged.max, merged.sum]).toEqual([whole.count, whole.min, whole.max, whole.sum]);
    for (const p of percentiles) expect(percentile(merged, p)).toBe(percentile(whole, p));
  });

  test.prop([micros, fc.constantFrom(...percentiles)])('a percentile is within 0.2 % of the exact one', (values, p) => {
    const h = createHistogram();
    for (const v of values) record(h, v);
    const sorted = [...values].sort((a, b) => a - b);
    const exact = sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
    expect(Math.abs(percentile(h, p) - exact)).toBeLessThanOrEqual(Math.max(0.5, exact * 0.002));
  });

  test('values below 1024 µs are exact; an empty histogram reads 0', () => {
    const h = createHistogram();
    for (const v of [1, 2, 3, 1023]) record(h, v);
    expect([percentile(h, 25), percentile(h, 50), percentile(h, 75), percentile(h, 100)]).toEqual([1, 2, 3, 1023]);
    expect(percentile(createHistogram(), 99)).toBe(0);
  });

  test('latencySummary reports ms', () => {
    const h = createHistogram();
    for (let v = 1; v <= 1000; v++) record(h, v * 1000);
    const s = latencySummary(h);
    expect(s.count).toBe(1000);
    expect(s.min).toBe(1);
    expect(s.max).toBe(1000);
    expect(s.p50).toBeCloseTo(500, -1);
    expect(s.p99).toBeCloseTo(990, -1);
  });
});
