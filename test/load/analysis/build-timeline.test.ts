import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { buildTimeline } from '../../../src/load/analysis/build-timeline.js';
import type { ResponseObservation } from '../../../src/load/response-observation.js';
import { observation, runStartMs } from './simulate-limited-run.js';

describe('buildTimeline', () => {
  it('buckets each request where it happened, dropped ones in offered, latency from the scheduled time', () => {
    const late: ResponseObservation = { ...observation(900, 201), sentAtMs: runStartMs + 1100, receivedAtMs: runStartMs + 1150 };
    const timeline = buildTimeline(
      [observation(0, 201), observation(100, 429), observation(200, 0, { error: 'timeout' }), observation(300, 500), late],
      [{ scenario: 'probe', scheduledAtMs: runStartMs + 2500 }],
      runStartMs,
    );
    expect(timeline).toEqual([
      { t: 0, offered: 5, sent: 4, dropped: 0, accepted: 1, throttled: 1, failed: 2, p50: 1, p99: 1 },
      { t: 1, offered: 0, sent: 1, dropped: 0, accepted: 1, throttled: 0, failed: 0, p50: 250, p99: 250 },
      { t: 2, offered: 1, sent: 0, dropped: 1, accepted: 0, throttled: 0, failed: 0, p50: 0, p99: 0 },
    ]);
  });

  it('is empty without events, and puts early events in second 0', () => {
    expect(buildTimeline([], [], runStartMs)).toEqual([]);
    expect(buildTimeline([observation(-500, 201)], [], runStartMs)[0]).toMatchObject({ t: 0, offered: 1, sent: 1, accepted: 1 });
  });

  test.prop([fc.array(fc.record({ at: fc.integer({ min: 0, max: 5000 }), status: fc.constantFrom(0, 201, 400, 429, 500), latency: fc.integer({ min: 0, max: 3000 }) }))])(
    'keeps every request: totals match and seconds are contiguous',
    (specs) => {
      const observations = specs.map((s) => ({ ...observation(s.at, s.status), receivedAtMs: runStartMs + s.at + s.latency }));
      const timeline = buildTimeline(observations, [], runStartMs);
      const sum = (key: 'offered' | 'sent' | 'accepted' | 'throttled' | 'failed') => timeline.reduce((total, p) => total + p[key], 0);
      expect(sum('offered')).toBe(specs.length);
      expect(sum('sent')).toBe(specs.length);
      expect(sum('accepted') + sum('throttled') + sum('failed')).toBe(specs.length);
      expect(sum('throttled')).toBe(specs.filter((s) => s.status === 429).length);
      expect(timeline.map((p) => p.t)).toEqual(timeline.map((_, i) => i));
      for (const p of timeline) expect(p.p99).toBeGreaterThanOrEqual(p.p50);
    },
  );
});
