/** Rate limit per API key, contract §6: token bucket, 429 + Retry-After, RateLimit headers. */
import { afterEach, describe, expect, it } from 'vitest';
import { startSandbox, type StartedSandbox } from '../../src/sandbox/start-sandbox.js';
import { createTokenBucketLimiter } from '../../src/sandbox/token-bucket.js';
import { partner1, partner2, send, testClock, type SendOptions } from './sandbox-client.js';

let sandbox: StartedSandbox | undefined;
afterEach(() => sandbox?.close());

async function limited(rateLimit: { requestsPerSecond: number; burst: number }) {
  const clock = testClock();
  sandbox = await startSandbox({ now: clock.now, rateLimit });
  const url = sandbox.url;
  return { clock, post: (options: SendOptions = {}) => send(url, { nowMs: clock.now(), ...options }) };
}

describe('the token bucket', () => {
  it('allows a burst, then one request per 1/rate seconds', () => {
    const limiter = createTokenBucketLimiter({ requestsPerSecond: 2, burst: 3 });
    const t0 = 1_000_000;
    expect([1, 2, 3, 4].map(() => limiter.take('k', t0).allowed)).toEqual([true, true, true, false]);
    expect(limiter.take('k', t0 + 499).allowed).toBe(false);
    expect(limiter.take('k', t0 + 500).allowed).toBe(true);
    expect(limiter.take('other', t0).allowed).toBe(true);
  });

  it('names a Retry-After that is always enough and never more than one second too long', () => {
    for (const [rate, burst] of [[0.3, 1], [1, 1], [2, 5], [50, 50], [7, 3]] as const) {
      const limiter = createTokenBucketLimiter({ requestsPerSecond: rate, burst });
      let t = 0;
      for (let i = 0; i < burst; i++) limiter.take('k', t);
      t += 7; // a few ms of partial refill
      const denied = limiter.take('k', t);
      expect(denied.allowed).toBe(false);
      expect(Number.isInteger(denied.resetSeconds)).toBe(true);
      expect(limiter.take('k', t + denied.resetSeconds * 1000).allowed).toBe(true);
      expect(denied.resetSeconds - 1).toBeLessThan(1 / rate);
    }
  });
});

describe('over HTTP', () => {
  it('answers 429 with Retry-After and coherent RateLimit headers, and waiting it out succeeds', async () => {
    const { clock, post } = await limited({ requestsPerSecond: 1, burst: 3 });
    const replies = [];
    for (let i = 0; i < 4; i++) replies.push(await post());
    expect(replies.map((r) => r.status)).toEqual([201, 201, 201, 429]);
    expect(replies.map((r) => r.headers['ratelimit'])).toEqual([
      '"default";r=2;t=1',
      '"default";r=1;t=2',
      '"default";r=0;t=3',
      '"default";r=0;t=1',
    ]);
    for (const reply of replies) expect(reply.headers['ratelimit-policy']).toBe('"default";q=3;w=3');
    const throttled = replies[3]!;
    expect(throttled.json).toMatchObject({ error: 'too_many_requests', message: expect.any(String), requestId: expect.any(String) });
    expect(throttled.headers['retry-after']).toBe('1');

    clock.advance(999);
    expect((await post()).status).toBe(429);
    clock.advance(1);
    expect((await post()).status).toBe(201);
  });

  it('counts per API key: one partner throttled, the other not', async () => {
    const { post } = await limited({ requestsPerSecond: 1, burst: 1 });
    expect((await post({ partner: partner1 })).status).toBe(201);
    expect((await post({ partner: partner1 })).status).toBe(429);
    expect((await post({ partner: partner2 })).status).toBe(201);
  });

  it('counts authenticated requests that are rejected later, but not unauthenticated ones', async () => {
    const { post } = await limited({ requestsPerSecond: 1, burst: 2 });
    for (let i = 0; i < 5; i++) expect((await post({ headers: { 'x-request-signature': 'f'.repeat(64) } })).status).toBe(401);
    expect((await post({ body: '{' })).status).toBe(400);
    expect((await post()).status).toBe(201);
    expect((await post()).status).toBe(429);
  });

  it('creates nothing and stores no idempotency key when throttling', async () => {
    const { clock, post } = await limited({ requestsPerSecond: 1, burst: 1 });
    expect((await post()).status).toBe(201);
    const key = '6f1c2e0a-3b7d-4bad-9bdd-2b0d7b3dcb6d';
    const before = sandbox!.store.countUsers();
    const throttled = await post({ idempotencyKey: key, body: { a: 1 } });
    expect(throttled.status).toBe(429);
    expect(sandbox!.store.countUsers()).toBe(before);
    clock.advance(Number(throttled.headers['retry-after']) * 1000);
    expect((await post({ idempotencyKey: key })).status).toBe(201);
  });

  it('sends no rate-limit headers and never 429 when disabled', async () => {
    const clock = testClock();
    sandbox = await startSandbox({ now: clock.now, rateLimit: false });
    for (let i = 0; i < 60; i++) {
      const reply = await send(sandbox.url, { nowMs: clock.now() });
      expect(reply.status).toBe(201);
      expect(reply.headers['ratelimit']).toBeUndefined();
    }
  });

  it('uses the profile rate limit by default (50/s, burst 50)', async () => {
    const clock = testClock();
    sandbox = await startSandbox({ now: clock.now });
    expect(sandbox.rateLimit).toEqual({ requestsPerSecond: 50, burst: 50 });
    const statuses = [];
    for (let i = 0; i < 51; i++) statuses.push((await send(sandbox.url, { nowMs: clock.now(), body: '{' })).status);
    expect(statuses.filter((s) => s === 429)).toHaveLength(1);
    expect(statuses.at(-1)).toBe(429);
  });
});
