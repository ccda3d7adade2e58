/**
 * Realistic LoadSummaries for the load reporter tests, built with the real
 * analyses from a simulated run through the sandbox's token bucket: 6 s at
 * 2× the 50/s limit, then 4 s at half of it, and a closed-model phase that
 * waits out Retry-After.
 */
import { analyseRateLimit } from '../../../src/load/analysis/analyse-rate-limit.js';
import { buildTimeline } from '../../../src/load/analysis/build-timeline.js';
import { latencySummary } from '../../../src/load/analysis/latency-summary.js';
import type { LoadSummary } from '../../../src/load/load-summary.js';
import type { ResponseObservation } from '../../../src/load/response-observation.js';
import { runStartMs, simulateLimitedRun } from '../analysis/simulate-limited-run.js';

export const sampleLimit = { requestsPerSecond: 50, burst: 50 };

export function sampleObservations(): ResponseObservation[] {
  const open = simulateLimitedRun(sampleLimit, [
    { rate: 100, seconds: 6, phase: 'above-limit' },
    { rate: 25, seconds: 4, phase: 'below-limit' },
  ]);
  // Latency that grows with load, so the latency plot has a shape.
  const shaped = open.map((o, i) => {
    const latencyMs = o.status === 429 ? 0.4 + (i % 7) * 0.05 : 2 + ((i * 7919) % 100) / 10 + (o.tags?.['phase'] === 'above-limit' ? 6 : 0);
    return { ...o, receivedAtMs: o.sentAtMs + latencyMs };
  });
  const polite = Array.from({ length: 10 }, (_, i): ResponseObservation => {
    const t = runStartMs + 10_000 + i * 1000;
    return { scenario: 'polite', scheduledAtMs: t, sentAtMs: t, receivedAtMs: t + 3, status: 201, afterRetryAfterWait: true, tags: { phase: 'recovery' } };
  });
  return [...shaped, ...polite];
}

export function sampleLoadSummary(overrides: Partial<LoadSummary> = {}): LoadSummary {
  const observations = sampleObservations();
  const byStatus: Record<string, number> = {};
  for (const o of observations) byStatus[String(o.status)] = (byStatus[String(o.status)] ?? 0) + 1;
  const fromScheduled = observations.map((o) => o.receivedAtMs - o.scheduledAtMs);
  const of = (status: number) => observations.filter((o) => o.status === status).map((o) => o.receivedAtMs - o.scheduledAtMs);
  return {
    schemaVersion: 1,
    runId: '20260302-140509-rl42',
    engine: 'node',
    scenario: 'rate-limit',
    target: 'http://127.0.0.1:8787',
    startedAt: new Date(runStartMs).toISOString(),
    durationMs: 20_000,
    complete: true,
    valid: true,
    invalidReasons: [],
    options: { scenarios: { above_limit: { executor: 'constant-arrival-rate', rate: 100, duration: '6s' } } },
    totals: { offered: observations.length, sent: observations.length, dropped: 0, completed: observations.length, byStatus, achievedRps: observations.length / 20 },
    latency: {
      fromScheduled: latencySummary(fromScheduled),
      fromSend: latencySummary(observations.map((o) => o.receivedAtMs - o.sentAtMs)),
      byStatusClass: { '2xx': latencySummary(of(201)), '429': latencySummary(of(429)) },
    },
    timeline: buildTimeline(observations, [], runStartMs),
    rateLimit: analyseRateLimit(observations, sampleLimit),
    thresholds: [
      { metric: 'http_req_duration{status:201}', expression: 'p(99)<500', passed: true, observed: 11.9 },
      { metric: 'http_req_failed', expression: 'rate<0.01', passed: true, observed: 0 },
    ],
    generator: { eventLoopLagP99Ms: 1.2, dispatchLagP99Ms: 0.4, workers: 2 },
    ...overrides,
  };
}

/** What a k6 run's handleSummary gives: no timeline, no generator figures. */
export function sampleK6Summary(overrides: Partial<LoadSummary> = {}): LoadSummary {
  const { timeline: _timeline, generator: _generator, ...rest } = sampleLoadSummary({ engine: 'k6', ...overrides });
  return rest;
}
