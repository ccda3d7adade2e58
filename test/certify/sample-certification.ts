/**
 * CertificationSummaries for the certify tests: the conformance sample run
 * (a failed signature check among others), the rate-limit sample run, and a
 * short throughput run below the limit (no 429).
 */
import { analyseRateLimit } from '../../src/load/analysis/analyse-rate-limit.js';
import { buildTimeline } from '../../src/load/analysis/build-timeline.js';
import { latencySummary } from '../../src/load/analysis/latency-summary.js';
import type { LoadSummary } from '../../src/load/load-summary.js';
import { createCertificationSummary, type CertificationSummary } from '../../src/certify/certification-summary.js';
import type { RunSummary } from '../../src/checks/failure.js';
import { runStartMs, simulateLimitedRun } from '../load/analysis/simulate-limited-run.js';
import { sampleLimit, sampleLoadSummary } from '../load/report/sample-load-summary.js';
import { sampleChecks, sampleSummary, summaryOf } from '../report/sample-summary.js';

export function sampleThroughputSummary(overrides: Partial<LoadSummary> = {}): LoadSummary {
  const startMs = runStartMs + 20_000;
  const observations = simulateLimitedRun(sampleLimit, [{ rate: 40, seconds: 3 }]).map((o, i) => {
    const shift = 20_000;
    const latencyMs = 1.5 + (i % 13) * 0.3;
    return { ...o, scheduledAtMs: o.scheduledAtMs + shift, sentAtMs: o.sentAtMs + shift, receivedAtMs: o.sentAtMs + shift + latencyMs };
  });
  const latency = latencySummary(observations.map((o) => o.receivedAtMs - o.scheduledAtMs));
  return {
    ...sampleLoadSummary(),
    runId: '20260302-140509-rl42',
    scenario: 'throughput',
    startedAt: new Date(startMs).toISOString(),
    durationMs: 3000,
    totals: { offered: observations.length, sent: observations.length, dropped: 0, completed: observations.length, byStatus: { '201': observations.length }, achievedRps: 40 },
    latency: { fromScheduled: latency, fromSend: latency, byStatusClass: { '2xx': latency } },
    timeline: buildTimeline(observations, [], startMs),
    rateLimit: analyseRateLimit(observations, sampleLimit),
    thresholds: [{ metric: 'http_req_duration{status:201}', expression: 'p(99)<500', passed: true, observed: latency.p99 }],
    ...overrides,
  };
}

/** The conformance sample with only its passed checks. */
export function passingConformance(): RunSummary {
  return summaryOf(sampleChecks().filter((c) => c.status === 'passed'), { runId: '20260302-140509-rl42' });
}

export function sampleCertification(parts: Partial<Pick<CertificationSummary, 'conformance' | 'rateLimit' | 'throughput'>> = {}): CertificationSummary {
  return createCertificationSummary({
    runId: '20260302-140509-rl42',
    target: 'http://127.0.0.1:8787',
    startedAt: new Date(runStartMs).toISOString(),
    durationMs: 61_000,
    conformance: sampleSummary({ runId: '20260302-140509-rl42' }),
    rateLimit: sampleLoadSummary(),
    throughput: sampleThroughputSummary(),
    ...parts,
  });
}
