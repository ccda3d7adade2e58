/**
 * The rate-limit checks (contract §6): each passes on the healthy sandbox and
 * fails, naming §6 and the broken rule, with each of its faults. The sandbox
 * enforces (and declares) a small limit, so that the harness exceeds twice
 * of it easily on any machine and a token is slow enough to come back that a
 * short Retry-After shows. No test asserts on timing.
 */
import { describe, expect, it } from 'vitest';
import type { Check } from '../../src/checks/check.js';
import type { CheckContext } from '../../src/checks/check-context.js';
import { expectThrottled } from '../../src/checks/rate-limit/expect-throttled.js';
import { readRateLimitHeaders } from '../../src/checks/rate-limit/rate-limit-headers.js';
import { surelyWithinLimit } from '../../src/checks/rate-limit/surely-within-limit.js';
import type { Exchange } from '../../src/http/exchange.js';
import { rateLimitChecks } from '../../src/checks/catalogue/rate-limit-checks.js';
import { rateLimitDiscovery } from '../../src/checks/catalogue/rate-limit-discovery.js';
import { rateLimitEnforced } from '../../src/checks/catalogue/rate-limit-enforced.js';
import { rateLimitHeadersCoherent } from '../../src/checks/catalogue/rate-limit-headers-coherent.js';
import { rateLimitNotBelowHalf } from '../../src/checks/catalogue/rate-limit-not-below-half.js';
import { rateLimitedRequestNotStored } from '../../src/checks/catalogue/rate-limited-request-not-stored.js';
import { retryAfterHonoured } from '../../src/checks/catalogue/retry-after-honoured.js';
import { explain, resultOf } from './run-against-sandbox.js';

type Limit = { requestsPerSecond: number; burst: number };

/** Each check, the limit it is tried with, the faults that must make it fail and what the message must say. */
const cases: { check: Check; rateLimit: Limit; faults: { name: string; message: RegExp }[] }[] = [
  {
    check: rateLimitNotBelowHalf,
    rateLimit: { requestsPerSecond: 40, burst: 4 },
    faults: [{ name: 'rate-limit-too-strict', message: /throttled at half the declared limit \(contract §6: no 429 at half of it\): request \d+, sent at 20 req\/s/ }],
  },
  {
    check: rateLimitEnforced,
    rateLimit: { requestsPerSecond: 40, burst: 4 },
    faults: [
      { name: 'rate-limit-not-enforced', message: /the rate limit is not enforced \(contract §6: a 429 by 2 × the declared limit\): \d+ requests sent at 80 req\/s were all accepted/ },
      { name: 'retry-after-missing', message: /a 429 MUST carry Retry-After \(contract §6\), but it had none/ },
    ],
  },
  {
    check: retryAfterHonoured,
    // A token takes half a second to come back: a Retry-After one second short shows.
    rateLimit: { requestsPerSecond: 2, burst: 2 },
    faults: [
      { name: 'retry-after-too-short', message: /waiting Retry-After was not enough \(contract §6: .*\): the 429 said Retry-After: 0; .* the next request got 429 too_many_requests/ },
      { name: 'retry-after-missing', message: /a 429 MUST carry Retry-After/ },
    ],
  },
  {
    check: rateLimitedRequestNotStored,
    rateLimit: { requestsPerSecond: 40, burst: 4 },
    faults: [{ name: 'throttled-key-stored', message: /a 429 must consume no Idempotency-Key \(contract §4: 429 is not stored.*got 422 unprocessable_entity/ }],
  },
  {
    check: rateLimitHeadersCoherent,
    rateLimit: { requestsPerSecond: 40, burst: 20 },
    faults: [
      { name: 'rate-limit-headers-incoherent', message: /not coherent .*: a 429 came although remaining never went below 20/ },
      { name: 'rate-limit-not-enforced', message: /not coherent .*: \d+ requests in a row were accepted in .* while remaining said 3 or fewer were left/ },
    ],
  },
];

describe('the rate-limit checks', () => {
  it('are all listed, each with a test here', () => {
    expect(rateLimitChecks.map((c) => c.id).sort()).toEqual([...cases.map((c) => c.check.id), rateLimitDiscovery.id].sort());
    for (const check of rateLimitChecks) expect(check.section).toBe('§6');
  });
});

describe.each(cases)('$check.id', ({ check, rateLimit, faults }) => {
  it('passes on the healthy sandbox', async () => {
    const result = await resultOf(check, { sandbox: { rateLimit } });
    expect(result.status, explain(result)).toBe('passed');
  });

  it.each(faults)('fails with the fault $name, naming §6 and the rule', async ({ name, message }) => {
    const result = await resultOf(check, { sandbox: { rateLimit }, faults: [name] });
    expect(result.status, explain(result)).toBe('failed');
    expect(result.failures[0]!.section).toBe('§6');
    expect(result.failures[0]!.message).toMatch(message);
  });

  it('is skipped, never passed, without a declared limit', async () => {
    const result = await resultOf(check, { sandbox: { rateLimit }, conformance: { rateLimit: 'auto' } });
    expect(result.status).toBe('skipped');
    expect(result.reason).toMatch(/needs a declared rate limit/);
    expect(result.requests).toBe(0);
  });
});

describe('rate-limit-discovery', () => {
  const rateLimit = { requestsPerSecond: 40, burst: 10 };

  it('is skipped at once when a limit is declared', async () => {
    const result = await resultOf(rateLimitDiscovery, { sandbox: { rateLimit } });
    expect(result.status).toBe('skipped');
    expect(result.reason).toBe('a rate limit is declared (40/s); run with --rate-limit auto to discover it');
    expect(result.requests).toBe(0);
  });

  it('without a declared limit, reports the limit it discovered', async () => {
    const result = await resultOf(rateLimitDiscovery, { sandbox: { rateLimit }, conformance: { rateLimit: 'auto' } });
    expect(result.status, explain(result)).toBe('skipped');
    const estimate = Number(/rate limit discovered: about (\d+(?:\.\d+)?) req\/s per API key/.exec(result.reason ?? '')?.[1]);
    expect(estimate, result.reason).toBeGreaterThanOrEqual(20);
    expect(estimate, result.reason).toBeLessThanOrEqual(80);
    expect(result.requests).toBeLessThanOrEqual(2000);
  });

  it('fails, naming §6, when the 429 it finds has no Retry-After', async () => {
    const result = await resultOf(rateLimitDiscovery, { sandbox: { rateLimit }, conformance: { rateLimit: 'auto' }, faults: ['retry-after-missing'] });
    expect(result.status, explain(result)).toBe('failed');
    expect(result.failures[0]!.section).toBe('§6');
    expect(result.failures[0]!.message).toMatch(/the first 429 at \d+ req\/s: a 429 MUST carry Retry-After \(contract §6\)/);
  });
});

describe('reading what a target may send (no false positives on MAY variants)', () => {
  const exchangeWith = (status: number, headers: Record<string, string>, json: unknown = { error: 'too_many_requests', message: 'slow down', requestId: 'r-1' }): Exchange => ({
    id: 'e1',
    request: { method: 'POST', url: 'http://target/v1/users', path: '/v1/users', headers: {} },
    response: { status, headers: { 'content-type': 'application/json; charset=utf-8', ...headers }, body: JSON.stringify(json), json },
    sentAtMs: 1_000_000,
    durationMs: 5,
    attempt: 1,
  });
  const serverNowMs = Date.parse('2026-03-13T12:00:00Z');
  const context = { serverNowMs: () => serverNowMs } as unknown as CheckContext;

  it('a Retry-After is understood as delay-seconds or as an HTTP-date, and refused otherwise', () => {
    const arrivedMs = 1_000_005;
    expect(expectThrottled(context, exchangeWith(429, { 'retry-after': '2' }), 'a 429')).toMatchObject({ form: 'delay-seconds', retryAtMs: arrivedMs + 2000 });
    const inThreeSeconds = new Date(serverNowMs + 3000 - (Date.now() - arrivedMs)).toUTCString();
    const date = expectThrottled(context, exchangeWith(429, { 'retry-after': inThreeSeconds }), 'a 429');
    expect(date.form).toBe('HTTP-date');
    expect(Math.abs(date.retryAtMs - (arrivedMs + 3000))).toBeLessThanOrEqual(1000);
    expect(() => expectThrottled(context, exchangeWith(429, { 'retry-after': '-1' }), 'a 429')).toThrow(/neither delay-seconds .* nor an HTTP-date/);
    expect(() => expectThrottled(context, exchangeWith(429, {}), 'a 429')).toThrow(/MUST carry Retry-After/);
  });

  it('rate-limit headers are read in every draft form and the X-RateLimit convention', () => {
    expect(readRateLimitHeaders({ ratelimit: '"default";r=5;t=1', 'ratelimit-policy': '"default";q=100;w=60' })).toMatchObject({ remaining: 5, policies: [{ quota: 100, windowSeconds: 60 }] });
    expect(readRateLimitHeaders({ ratelimit: 'limit=100, remaining=7, reset=3' })).toMatchObject({ remaining: 7, policies: [{ quota: 100 }] });
    expect(readRateLimitHeaders({ 'ratelimit-limit': '10, 10;w=1, 1000;w=3600', 'ratelimit-remaining': '4' })).toMatchObject({ remaining: 4 });
    expect(readRateLimitHeaders({ 'ratelimit-policy': '10;w=1, 1000;w=3600' })?.policies).toEqual([{ quota: 10, windowSeconds: 1 }, { quota: 1000, windowSeconds: 3600 }]);
    expect(readRateLimitHeaders({ 'x-ratelimit-limit': '60', 'x-ratelimit-remaining': '-1' })).toMatchObject({ remaining: -1, policies: [{ quota: 60 }] });
    expect(readRateLimitHeaders({ ratelimit: '"burst";r=0;t=1, "daily";r=9000;t=3600' })?.remaining).toBe(0);
    expect(readRateLimitHeaders({ 'content-type': 'application/json' })).toBeUndefined();
  });

  it('a 429 proves a too strict limiter only when no bunching on the way could explain it', () => {
    const limit = { requestsPerSecond: 10, burst: 2 };
    const spaced = (durationMs: number) => [0, 200, 400].map((at, i) => ({ ...exchangeWith(i === 2 ? 429 : 201, {}), sentAtMs: at, durationMs }));
    expect(surelyWithinLimit(spaced(5), 2, limit)).toBe(true);
    // Answers taking 450 ms: all three may have arrived together, more than the burst of 2.
    expect(surelyWithinLimit(spaced(450), 2, limit)).toBe(false);
  });
});
