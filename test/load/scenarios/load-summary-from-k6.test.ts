/** k6's end-of-test data → LoadSummary, on data shaped like k6 2.2's legacy summary. */
import { describe, expect, it } from 'vitest';
import { loadSummaryFromK6 } from '../../../src/load/k6/load-summary-from-k6.js';
import type { K6SummaryData } from '../../../src/load/k6/k6-summary-data.js';
import { loadSummaryText } from '../../../src/load/k6/load-summary-text.js';
import { scenarioParamsFromEnv } from '../../../src/load/k6/scenario-params-from-env.js';
import { rateLimit } from '../../../src/load/scenarios/index.js';

const declaredLimit = { requestsPerSecond: 50, burst: 50 };
const options = rateLimit.options({ rate: 100, durationSeconds: 10, vus: 60, declaredLimit });
const trend = (p99: number, count: number) => ({ type: 'trend' as const, contains: 'time', values: { count, avg: 3, min: 1, med: 2, max: p99 + 1, 'p(90)': 4, 'p(95)': 5, 'p(99)': p99, 'p(99.9)': p99 + 0.5 } });

const data: K6SummaryData = {
  state: { testRunDurationMs: 30_400 },
  setup_data: { runId: 'r1' },
  metrics: {
    http_reqs: { type: 'counter', values: { count: 1790, rate: 58.9 } },
    http_req_duration: trend(9, 1790),
    'http_req_duration{status:201}': { ...trend(8, 1100), thresholds: { 'p(95)<500': { ok: true } } },
    http_status_201: { type: 'counter', values: { count: 1100, rate: 36 } },
    http_status_429: { type: 'counter', values: { count: 675, rate: 22 } },
    http_status_error: { type: 'counter', values: { count: 0, rate: 0 } },
    http_status_500: { type: 'counter', values: { count: 2, rate: 0 } },
    dropped_iterations: { type: 'counter', values: { count: 3, rate: 0.1 } },
    'accepted{phase:above-limit}': { type: 'counter', values: { count: 550, rate: 18 }, thresholds: { 'count>0': { ok: true } } },
    'throttled_rate{phase:above-limit}': { type: 'rate', values: { rate: 0.45, passes: 450, fails: 550 }, thresholds: { 'rate>0': { ok: true } } },
    'throttled_rate{phase:below-limit}': { type: 'rate', values: { rate: 0.004, passes: 1, fails: 249 }, thresholds: { 'rate==0': { ok: false } } },
    retry_after_missing: { type: 'counter', values: { count: 0, rate: 0 }, thresholds: { 'count==0': { ok: true } } },
    requests_after_wait: { type: 'counter', values: { count: 10, rate: 0.3 } },
    throttled_after_wait: { type: 'counter', values: { count: 0, rate: 0 }, thresholds: { 'count==0': { ok: true } } },
  },
  root_group: { name: '', checks: [], groups: [{ name: 'g', checks: [{ name: 'every key replays one user', passes: 1, fails: 0 }] }] },
};

describe('loadSummaryFromK6', () => {
  const summary = loadSummaryFromK6(data, { scenario: 'rate-limit', runId: 'r1', target: 'https://staging.example.com', options, declaredLimit, nowMs: Date.parse('2026-12-03T13:00:30.400Z') });

  it('counts by status from the binding counters, dropped iterations from k6', () => {
    expect(summary.totals).toEqual({ offered: 1780, sent: 1777, dropped: 3, completed: 1777, byStatus: { '201': 1100, '429': 675, '500': 2 }, achievedRps: 1777 / 30.4 });
    expect(summary.valid).toBe(false);
    expect(summary.invalidReasons[0]).toMatch(/dropped 3 iterations/);
    expect(summary.complete).toBe(true);
    expect(summary.startedAt).toBe('2026-12-03T13:00:00.000Z');
  });

  it('maps trends to latency summaries, by status class from the status sub-metrics', () => {
    expect(summary.latency.fromSend).toEqual({ count: 1790, min: 1, mean: 3, p50: 2, p90: 4, p95: 5, p99: 9, p999: 9.5, max: 10 });
    expect(summary.latency.byStatusClass['2xx']?.p99).toBe(8);
  });

  it('reads the 429 analysis from the phase sub-metrics', () => {
    expect(summary.rateLimit).toEqual({
      declared: declaredLimit,
      acceptedRateAboveLimit: 50,
      acceptedToDeclaredRatio: 1,
      share429AboveLimit: 0.45,
      share429BelowLimit: 0.004,
      retryAfterSeconds: {},
      retryAfterMissing: 0,
      retryAfterHonesty: { waitedRequests: 10, throttledAfterWaiting: 0 },
    });
  });

  it('lists every threshold with the value it judged, and the checks', () => {
    expect(summary.thresholds).toContainEqual({ metric: 'throttled_rate{phase:below-limit}', expression: 'rate==0', passed: false, observed: 0.004 });
    expect(summary.thresholds).toContainEqual({ metric: 'http_req_duration{status:201}', expression: 'p(95)<500', passed: true, observed: 5 });
    expect(summary.checks).toEqual([{ name: 'every key replays one user', passed: true, detail: '1 passed, 0 failed' }]);
  });

  it('marks a run cut short as incomplete', () => {
    const cut = loadSummaryFromK6({ ...data, state: { testRunDurationMs: 12_000 } }, { scenario: 'rate-limit', runId: 'r1', target: 't', options, declaredLimit, nowMs: 0 });
    expect(cut.complete).toBe(false);
  });

  it('prints a short text with the failed threshold', () => {
    const text = loadSummaryText(summary);
    expect(text).toContain('FAIL throttled_rate{phase:below-limit}: rate==0 (0.004)');
    expect(text).toContain('accepted above the limit 50.0/s vs declared 50/s');
  });
});

describe('scenarioParamsFromEnv', () => {
  it('takes defaults from the declared limit and overrides from BOCA_*', () => {
    expect(scenarioParamsFromEnv('rate-limit', {}, declaredLimit)).toEqual({ rate: 100, durationSeconds: 10, vus: 60, declaredLimit });
    expect(scenarioParamsFromEnv('throughput', { BOCA_LIMIT_RPS: '200', BOCA_DURATION: '1m30s' }, declaredLimit)).toMatchObject({
      rate: 160, durationSeconds: 90, declaredLimit: { requestsPerSecond: 200, burst: 50 },
    });
    expect(() => scenarioParamsFromEnv('throughput', { BOCA_VUS: '2.5' }, declaredLimit)).toThrow(/BOCA_VUS=2.5/);
    expect(() => scenarioParamsFromEnv('throughput', { BOCA_DURATION: 'soon' }, declaredLimit)).toThrow(/BOCA_DURATION=soon/);
  });
});
