import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { analyseRateLimit } from '../../../src/load/analysis/analyse-rate-limit.js';
import { observation, runStartMs, simulateLimitedRun } from './simulate-limited-run.js';

describe('analyseRateLimit', () => {
  test.prop(
    [
      fc.integer({ min: 20, max: 400 }),
      fc.double({ min: 0.1, max: 2, noNaN: true }),
      fc.double({ min: 1.5, max: 4, noNaN: true }),
      fc.integer({ min: 3, max: 8 }),
    ],
    { numRuns: 40 },
  )('a token bucket under load above its limit is measured at its rate within 5 %', (rate, burstSeconds, overload, steadySeconds) => {
    const limit = { requestsPerSecond: rate, burst: Math.max(1, Math.round(rate * burstSeconds)) };
    const drainSeconds = limit.burst / (rate * overload - rate);
    const seconds = Math.ceil(drainSeconds) + steadySeconds + 1;
    const analysis = analyseRateLimit(simulateLimitedRun(limit, [{ rate: rate * overload, seconds }]), limit);
    expect(analysis.acceptedToDeclaredRatio).toBeDefined();
    expect(Math.abs(analysis.acceptedToDeclaredRatio! - 1)).toBeLessThanOrEqual(0.05);
    expect(analysis.acceptedRateAboveLimit! / rate).toBe(analysis.acceptedToDeclaredRatio);
  });

  it('at 2× offered load: ratio 1, half of the answers above the limit throttled, none below', () => {
    const limit = { requestsPerSecond: 50, burst: 50 };
    const observations = simulateLimitedRun(limit, [
      { rate: 100, seconds: 6 },
      { rate: 25, seconds: 4 },
    ]);
    const analysis = analyseRateLimit(observations, limit);
    expect(analysis.declared).toEqual(limit);
    expect(analysis.acceptedToDeclaredRatio).toBeCloseTo(1, 1);
    // The burst absorbs the first second: 429s start once the bucket is empty.
    expect(analysis.timeToFirst429Ms).toBeGreaterThan(900);
    expect(analysis.timeToFirst429Ms).toBeLessThan(1100);
    expect(analysis.share429AboveLimit).toBeGreaterThan(0.35);
    expect(analysis.share429AboveLimit).toBeLessThan(0.5);
    expect(analysis.share429BelowLimit).toBe(0);
    expect(analysis.retryAfterMissing).toBe(0);
    expect(Object.keys(analysis.retryAfterSeconds)).toEqual(['1']);
    expect(analysis.headerCoherence).toEqual({ present: true, checked: observations.length, incoherent: 0, examples: [] });
  });

  test.prop([fc.array(fc.record({ rate: fc.integer({ min: 5, max: 120 }), seconds: fc.integer({ min: 1, max: 4 }), above: fc.boolean() }), { minLength: 1, maxLength: 4 })], {
    numRuns: 30,
  })('with phase tags the shares above and below add up to every 429', (phases) => {
    const observations = simulateLimitedRun(
      { requestsPerSecond: 40, burst: 20 },
      phases.map((p) => ({ rate: p.rate, seconds: p.seconds, phase: p.above ? 'above-limit' : 'below-limit' })),
    );
    const analysis = analyseRateLimit(observations, { requestsPerSecond: 40, burst: 20 });
    const count = (side: string, status?: number) =>
      observations.filter((o) => o.tags?.['phase'] === side && (status === undefined || o.status === status)).length;
    const above = count('above-limit');
    const below = count('below-limit');
    const fromShares = (analysis.share429AboveLimit ?? 0) * above + (analysis.share429BelowLimit ?? 0) * below;
    expect(fromShares).toBeCloseTo(observations.filter((o) => o.status === 429).length, 6);
    expect(analysis.share429AboveLimit === undefined).toBe(above === 0);
    expect(analysis.share429BelowLimit === undefined).toBe(below === 0);
  });

  it('phase tags override the offered rate, and a mixed second is an edge', () => {
    // Offered 30/s is below the 40/s limit, but the tag says the phase is the above-limit one.
    const observations = simulateLimitedRun({ requestsPerSecond: 40, burst: 10 }, [{ rate: 30, seconds: 2, phase: 'above-limit' }]);
    const analysis = analyseRateLimit(observations, { requestsPerSecond: 40, burst: 10 });
    expect(analysis.share429AboveLimit).toBe(0);
    expect(analysis.share429BelowLimit).toBeUndefined();
    // Not really above the limit: no accepted rate is claimed.
    expect(analysis.acceptedRateAboveLimit).toBeUndefined();
  });

  it('counts dropped iterations as offered load', () => {
    // 30 answered + 30 dropped per second = 60/s offered against a 40/s limit.
    const observations = simulateLimitedRun({ requestsPerSecond: 40, burst: 40 }, [{ rate: 30, seconds: 3 }]);
    const dropped = observations.map((o) => ({ scenario: 'probe', scheduledAtMs: o.scheduledAtMs + 1 }));
    expect(analyseRateLimit(observations, { requestsPerSecond: 40 }, dropped).share429AboveLimit).toBe(0);
    expect(analyseRateLimit(observations, { requestsPerSecond: 40 }).share429AboveLimit).toBeUndefined();
  });

  it('leaves out what needs a declared limit when there is none and no tags', () => {
    const analysis = analyseRateLimit([observation(0, 201), observation(10, 429, { retryAfter: '2' })]);
    expect(analysis).toEqual({
      timeToFirst429Ms: 11,
      retryAfterSeconds: { '2': 1 },
      retryAfterMissing: 0,
      headerCoherence: { present: false, checked: 0, incoherent: 0, examples: [] },
    });
  });

  it('is empty for an empty run', () => {
    expect(analyseRateLimit([], { requestsPerSecond: 10 })).toEqual({
      declared: { requestsPerSecond: 10 },
      retryAfterSeconds: {},
      retryAfterMissing: 0,
      headerCoherence: { present: false, checked: 0, incoherent: 0, examples: [] },
    });
  });

  it('converts HTTP-date Retry-After against the response time and counts missing and invalid values', () => {
    const receivedAtMs = runStartMs + 200;
    const at = (retryAfter?: string) => ({
      ...observation(199, 429),
      receivedAtMs,
      ...(retryAfter !== undefined && { retryAfter }),
    });
    const analysis = analyseRateLimit([
      at('Mon, 02 Mar 2026 14:05:12 GMT'), // 2.8 s after the response: wait 3 s
      at('Monday, 02-Mar-26 14:05:09 GMT'), // already past: 0 s
      at('2'),
      at(' 2 '),
      at(),
      at('-1'),
      at('1.5'),
      at('soon'),
      observation(300, 201, { retryAfter: 'ignored on a 2xx' }),
    ]);
    expect(analysis.retryAfterSeconds).toEqual({ '0': 1, '2': 2, '3': 1 });
    expect(Object.keys(analysis.retryAfterSeconds)).toEqual(['0', '2', '3']);
    expect(analysis.retryAfterMissing).toBe(4);
  });

  it('reports honesty: requests sent after waiting out Retry-After and how many were throttled again', () => {
    const analysis = analyseRateLimit([
      observation(0, 429, { retryAfter: '1' }),
      observation(1100, 201, { afterRetryAfterWait: true }),
      observation(1200, 429, { afterRetryAfterWait: true, retryAfter: '1' }),
      observation(2300, 201, { afterRetryAfterWait: true }),
    ]);
    expect(analysis.retryAfterHonesty).toEqual({ waitedRequests: 3, throttledAfterWaiting: 1 });
    expect(analyseRateLimit([observation(0, 201)]).retryAfterHonesty).toBeUndefined();
  });

  it('detects incoherent rate-limit headers and keeps a few examples', () => {
    const declared = { requestsPerSecond: 50, burst: 50 };
    const policy = '"default";q=50;w=1';
    const observations = [
      observation(0, 201, { rateLimitHeaders: { 'ratelimit-policy': policy, ratelimit: '"default";r=49;t=1' } }),
      observation(10, 429, { retryAfter: '1', rateLimitHeaders: { 'ratelimit-policy': policy, ratelimit: '"default";r=3;t=1' } }),
      observation(20, 201, { rateLimitHeaders: { 'ratelimit-policy': policy, ratelimit: '"default";r=-1;t=1' } }),
      observation(30, 201, { rateLimitHeaders: { 'ratelimit-policy': '"default";q=100;w=1', ratelimit: '"default";r=10;t=1' } }),
      observation(40, 429, { retryAfter: '1', rateLimitHeaders: { 'x-ratelimit-limit': '50', 'x-ratelimit-remaining': '7' } }),
      observation(50, 429, { retryAfter: '1', rateLimitHeaders: { ratelimit: 'limit=50, remaining=0, reset=1' } }),
      ...Array.from({ length: 6 }, (_, i) => observation(60 + i, 429, { retryAfter: '1', rateLimitHeaders: { 'ratelimit-remaining': '2' } })),
    ];
    const coherence = analyseRateLimit(observations, declared).headerCoherence!;
    expect(coherence.present).toBe(true);
    expect(coherence.checked).toBe(12);
    expect(coherence.incoherent).toBe(10);
    expect(coherence.examples).toHaveLength(5);
    expect(coherence.examples[0]).toBe('429 at 0.011 s: 429 while RateLimit says 3 remaining (ratelimit-policy: "default";q=50;w=1; ratelimit: "default";r=3;t=1)');
    expect(coherence.examples[1]).toMatch(/^201 at 0\.021 s: RateLimit remaining is negative \(-1\)/);
    expect(coherence.examples[2]).toMatch(/RateLimit-Policy allows 100 per 1 s \(100\/s\) but the declared limit is 50\/s \(burst 50\)/);
    expect(coherence.examples[3]).toMatch(/429 while X-RateLimit-Remaining says 7 remaining/);
    expect(coherence.examples[4]).toMatch(/429 while RateLimit-Remaining says 2 remaining/);
  });

  it('accepts the sandbox policy that names the burst as its quota', () => {
    const coherence = analyseRateLimit(simulateLimitedRun({ requestsPerSecond: 10, burst: 5 }, [{ rate: 20, seconds: 3 }]), { requestsPerSecond: 10, burst: 5 }).headerCoherence!;
    expect(coherence.incoherent).toBe(0);
  });
});

describe('analyseRateLimit with the rate-limit scenario phases', () => {
  it('counts the polite clients of the retry-after phase in neither share, but untagged-side runs by offered rate', () => {
    const limit = { requestsPerSecond: 40, burst: 40 };
    const observations = [
      ...simulateLimitedRun(limit, [
        { rate: 80, seconds: 4, phase: 'above-limit' },
        { rate: 20, seconds: 3, phase: 'below-limit' },
      ]),
      // Ten polite clients meet the empty bucket once each, at 10 requests/s offered.
      ...Array.from({ length: 10 }, (_, i) => observation(7000 + i * 100, 429, { retryAfter: '1', tags: { phase: 'retry-after' } })),
    ];
    const analysis = analyseRateLimit(observations, limit);
    expect(analysis.share429BelowLimit).toBe(0);
    const untagged = observations.map(({ tags: _tags, ...o }) => o);
    expect(analyseRateLimit(untagged, limit).share429BelowLimit).toBeGreaterThan(0);
    // A run whose phases name no side (throughput) is judged by its offered rate.
    const throughput = simulateLimitedRun(limit, [{ rate: 80, seconds: 3, phase: 'throughput' }]);
    expect(analyseRateLimit(throughput, limit).share429AboveLimit).toBeGreaterThan(0);
  });
});
