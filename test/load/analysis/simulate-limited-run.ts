/**
 * Synthetic observations for the analysis tests: an open-model run through
 * the sandbox's own token bucket and rate-limit headers, phase by phase,
 * requests evenly spaced, a constant latency.
 */
import type { ResponseObservation } from '../../../src/load/response-observation.js';
import { rateLimitPolicy, rateLimitValue } from '../../../src/sandbox/rate-limit-headers.js';
import { createTokenBucketLimiter, type RateLimitSettings } from '../../../src/sandbox/token-bucket.js';

export interface SimulatedPhase {
  /** Offered requests per second. */
  readonly rate: number;
  readonly seconds: number;
  /** The `phase` tag, if any. */
  readonly phase?: string;
}

export const runStartMs = Date.parse('2026-03-02T14:05:09.000Z');

export function simulateLimitedRun(limit: RateLimitSettings, phases: readonly SimulatedPhase[], latencyMs = 2): ResponseObservation[] {
  const limiter = createTokenBucketLimiter(limit);
  const policy = rateLimitPolicy(limit);
  const observations: ResponseObservation[] = [];
  let phaseStartMs = runStartMs;
  for (const phase of phases) {
    const count = Math.round(phase.rate * phase.seconds);
    for (let i = 0; i < count; i++) {
      const sentAtMs = phaseStartMs + (i * 1000) / phase.rate;
      const decision = limiter.take('pk_test', sentAtMs);
      observations.push({
        scenario: 'probe',
        scheduledAtMs: sentAtMs,
        sentAtMs,
        receivedAtMs: sentAtMs + latencyMs,
        status: decision.allowed ? 201 : 429,
        ...(!decision.allowed && { retryAfter: String(decision.resetSeconds) }),
        rateLimitHeaders: { 'ratelimit-policy': policy, ratelimit: rateLimitValue(decision) },
        ...(phase.phase !== undefined && { tags: { phase: phase.phase } }),
      });
    }
    phaseStartMs += phase.seconds * 1000;
  }
  return observations;
}

/** A 201 or 429 at `atMs` after the run start with the given extra fields. */
export function observation(atMs: number, status: number, extra: Partial<ResponseObservation> = {}): ResponseObservation {
  const t = runStartMs + atMs;
  return { scenario: 'probe', scheduledAtMs: t, sentAtMs: t, receivedAtMs: t + 1, status, ...extra };
}
