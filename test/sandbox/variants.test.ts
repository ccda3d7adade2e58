/**
 * Every variant changes the sandbox the way its description says: each probe
 * runs against the healthy sandbox and the variant, and the two must give the
 * expected, different observations. The window limiters' Retry-After is
 * honest: waiting it out always gets the next request through.
 */
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { formatRfc3339 } from '../../src/contract/rfc3339.js';
import { seedMessages, uuidPattern } from '../../src/contract/responses.js';
import { isUsageError } from '../../src/errors.js';
import { createSandbox } from '../../src/sandbox/create-sandbox.js';
import { createFixedWindowLimiter } from '../../src/sandbox/fixed-window.js';
import { createSlidingWindowLimiter } from '../../src/sandbox/sliding-window.js';
import { startSandbox, type StartedSandbox } from '../../src/sandbox/start-sandbox.js';
import { createTokenBucketLimiter, type RateLimiter, type RateLimitSettings } from '../../src/sandbox/token-bucket.js';
import { variantCatalogue } from '../../src/sandbox/variants/index.js';
import { fixedNow, freshUser, partner1, send, testClock, type Reply, type SendOptions } from './sandbox-client.js';

interface ProbeContext {
  readonly post: (options?: SendOptions) => Promise<Reply>;
  readonly sandbox: StartedSandbox;
  readonly clock: ReturnType<typeof testClock>;
}

interface Probe {
  readonly variant: string;
  readonly observe: (c: ProbeContext) => Promise<unknown>;
  readonly healthy: unknown;
  readonly varied: unknown;
  readonly rateLimit?: RateLimitSettings;
  readonly latencyMs?: number;
  /** The sandbox clock's start, epoch ms. Default `fixedNow` (a whole second). */
  readonly startMs?: number;
}

/** `req-<uuid>`, a plain UUID, a ULID-like id, or something else. */
const requestIdForm = (id: unknown): string =>
  typeof id !== 'string' ? 'none'
  : /^req-/.test(id) && uuidPattern.test(id.slice(4)) ? 'req-uuid'
  : uuidPattern.test(id) ? 'uuid'
  : /^[0-9A-HJKMNP-TV-Z]{26}$/.test(id) ? 'ulid'
  : 'other';

const unauthorized = (post: ProbeContext['post']) => post({ headers: { 'x-request-signature': 'f'.repeat(64) } });
const badEmail = (post: ProbeContext['post']) => post({ body: freshUser({ email: 'not-an-email' }) });
const isPretty = (reply: Reply) => reply.text === `${JSON.stringify(reply.json, null, 2)}\n`;

/** Statuses of requests sent at these offsets (ms) from the clock's start, one at a time. */
const statusesAt = async ({ post, clock }: ProbeContext, offsetsMs: readonly number[]) => {
  const startMs = clock.now();
  const statuses: number[] = [];
  for (const offset of offsetsMs) {
    clock.set(startMs + offset);
    statuses.push((await post({ nowMs: clock.now() })).status);
  }
  return statuses;
};

const probes: Probe[] = [
  {
    variant: 'wider-clock-tolerance',
    observe: async ({ post, clock }) => [
      (await post({ timestamp: formatRfc3339(clock.now() - 310_000) })).status,
      (await post({ timestamp: formatRfc3339(clock.now() + 310_000) })).status,
      (await post({ timestamp: formatRfc3339(clock.now() - 320_000) })).status,
    ],
    healthy: [401, 401, 401],
    varied: [201, 201, 401],
  },
  {
    variant: 'narrower-clock-tolerance',
    observe: async ({ post, clock }) => [
      (await post({ timestamp: formatRfc3339(clock.now() - 290_000) })).status,
      (await post({ timestamp: formatRfc3339(clock.now() + 290_000) })).status,
      (await post({ timestamp: formatRfc3339(clock.now() - 280_000) })).status,
    ],
    healthy: [201, 201, 201],
    varied: [401, 401, 201],
  },
  {
    variant: 'in-flight-waits',
    latencyMs: 150,
    observe: async ({ post, sandbox }) => {
      const body = JSON.stringify(freshUser());
      const key = randomUUID();
      const replies = await Promise.all(Array.from({ length: 5 }, () => post({ body, idempotencyKey: key })));
      const created = replies.filter((r) => r.status === 201);
      return {
        statuses: replies.map((r) => r.status).sort(),
        userIds: new Set(created.map((r) => r.json.userId)).size,
        replayed: replies.filter((r) => r.headers['idempotent-replayed'] === 'true').length,
        users: sandbox.store.countUsers(),
      };
    },
    healthy: { statuses: [201, 409, 409, 409, 409], userIds: 1, replayed: 0, users: 1 },
    varied: { statuses: [201, 201, 201, 201, 201], userIds: 1, replayed: 4, users: 1 },
  },
  {
    variant: 'no-replayed-header',
    observe: async ({ post }) => {
      const body = JSON.stringify(freshUser());
      const key = randomUUID();
      const first = await post({ body, idempotencyKey: key });
      const replay = await post({ body, idempotencyKey: key });
      return [replay.status, replay.json.userId === first.json.userId, replay.headers['idempotent-replayed']];
    },
    healthy: [201, true, 'true'],
    varied: [201, true, undefined],
  },
  {
    variant: 'pretty-printed-json',
    observe: async ({ post }) => [isPretty(await post()), isPretty(await unauthorized(post)), isPretty(await badEmail(post))],
    healthy: [false, false, false],
    varied: [true, true, true],
  },
  {
    variant: 'other-key-order',
    observe: async ({ post }) => {
      const invalid = await badEmail(post);
      return [Object.keys((await post()).json), Object.keys(invalid.json), Object.keys(invalid.json.fieldErrors[0])];
    },
    healthy: [['userId', 'externalId', 'status'], ['error', 'message', 'requestId', 'fieldErrors'], ['field', 'message']],
    varied: [['userId', 'status', 'externalId'], ['requestId', 'message', 'fieldErrors', 'error'], ['message', 'field']],
  },
  {
    variant: 'other-messages',
    observe: async ({ post }) => {
      const invalid = await badEmail(post);
      return [(await unauthorized(post)).json.message, invalid.json.message === seedMessages[400], invalid.json.fieldErrors[0].field, invalid.json.fieldErrors[0].message === 'Invalid value for email.'];
    },
    healthy: [seedMessages[401], true, 'email', false],
    varied: ['Authentication failed.', false, 'email', true],
  },
  {
    variant: 'request-id-uuid',
    observe: async ({ post }) => [requestIdForm((await unauthorized(post)).json.requestId), requestIdForm((await badEmail(post)).json.requestId)],
    healthy: ['req-uuid', 'req-uuid'],
    varied: ['uuid', 'uuid'],
  },
  {
    variant: 'request-id-ulid',
    observe: async ({ post }) => [requestIdForm((await unauthorized(post)).json.requestId), requestIdForm((await badEmail(post)).json.requestId)],
    healthy: ['req-uuid', 'req-uuid'],
    varied: ['ulid', 'ulid'],
  },
  {
    variant: 'extra-response-headers',
    observe: async ({ post }) => {
      const key = randomUUID();
      const reply = await post({ idempotencyKey: key });
      return [reply.status, reply.headers['cache-control'], typeof reply.headers['x-request-id'], reply.headers['idempotency-key'] === key];
    },
    healthy: [201, undefined, 'undefined', false],
    varied: [201, 'no-store', 'string', true],
  },
  {
    variant: 'json-charset-response',
    observe: async ({ post }) => [(await post()).headers['content-type'], (await unauthorized(post)).headers['content-type']],
    healthy: ['application/json', 'application/json'],
    varied: ['application/json; charset=utf-8', 'application/json; charset=utf-8'],
  },
  {
    variant: 'retry-after-http-date',
    rateLimit: { requestsPerSecond: 1, burst: 1 },
    startMs: fixedNow + 300,
    observe: async ({ post, clock }) => {
      await post();
      const throttled = await post();
      const retryAfter = String(throttled.headers['retry-after']);
      // Wait exactly what it says: delay-seconds from now, or until the date.
      clock.set(/^\d+$/.test(retryAfter) ? clock.now() + 1000 * Number(retryAfter) : Date.parse(retryAfter));
      return [throttled.status, retryAfter, (await post()).status];
    },
    healthy: [429, '1', 201],
    // One token is back at 12:00:01.300; the date is rounded up to the next whole second.
    varied: [429, 'Fri, 13 Mar 2026 12:00:02 GMT', 201],
  },
  {
    variant: 'fixed-window-limiter',
    rateLimit: { requestsPerSecond: 2, burst: 2 },
    // 100 ms before a window edge (windows of burst/rate = 1 s, aligned to the epoch).
    startMs: fixedNow + 900,
    observe: (c) => statusesAt(c, [0, 0, 0, 100, 100, 100]),
    healthy: [201, 201, 429, 429, 429, 429],
    varied: [201, 201, 429, 201, 201, 429],
  },
  {
    variant: 'sliding-window-limiter',
    rateLimit: { requestsPerSecond: 2, burst: 2 },
    observe: (c) => statusesAt(c, [0, 600, 700, 1000, 1001]),
    // The bucket has 1.2 tokens at 700 ms; the window still holds 2 requests until the first leaves it at 1000 ms.
    healthy: [201, 201, 201, 429, 429],
    varied: [201, 201, 429, 201, 429],
  },
];

let started: StartedSandbox[] = [];
afterEach(async () => {
  await Promise.all(started.map((s) => s.close()));
  started = [];
});

async function observe(probe: Probe, variants: string[]): Promise<unknown> {
  const clock = testClock(probe.startMs);
  const sandbox = await startSandbox({ now: clock.now, variants, rateLimit: probe.rateLimit ?? false, latencyMs: probe.latencyMs ?? 0 });
  started.push(sandbox);
  return probe.observe({ sandbox, clock, post: (options = {}) => send(sandbox.url, { nowMs: clock.now(), ...options }) });
}

describe('the variant catalogue', () => {
  it('has a probe for every variant, each with a kebab-case name', () => {
    expect(probes.map((p) => p.variant).sort()).toEqual(variantCatalogue.map((v) => v.name).sort());
    for (const variant of variantCatalogue) expect(variant.name).toMatch(/^[a-z]+(-[a-z]+)*$/);
  });

  it('rejects unknown variant names with a usage error that lists the known ones', () => {
    let error: unknown;
    try {
      createSandbox({ variants: ['in-flight-waits', 'no-such-variant'] });
    } catch (caught) {
      error = caught;
    }
    expect(isUsageError(error)).toBe(true);
    expect((error as Error).message).toMatch(/"no-such-variant"/);
    for (const variant of variantCatalogue) expect((error as Error).message).toContain(variant.name);
  });
});

describe.each(probes)('variant $variant', (probe) => {
  it('the healthy sandbox behaves as the default profile does', async () => {
    expect(await observe(probe, [])).toEqual(probe.healthy);
  });
  it('the variant changes exactly that behaviour', async () => {
    expect(await observe(probe, [probe.variant])).toEqual(probe.varied);
  });
});

describe('the window limiters\' RateLimit headers', () => {
  it.each(['fixed-window-limiter', 'sliding-window-limiter'])('%s: states its whole-second window as the policy and counts remaining down to 0 on the 429', async (variant) => {
    const clock = testClock();
    const sandbox = await startSandbox({ now: clock.now, variants: [variant], rateLimit: { requestsPerSecond: 3, burst: 3 } });
    started.push(sandbox);
    const replies = [];
    for (let i = 0; i < 4; i++) replies.push(await send(sandbox.url, { nowMs: clock.now() }));
    expect(replies.map((r) => r.status)).toEqual([201, 201, 201, 429]);
    expect(replies.map((r) => r.headers['ratelimit-policy'])).toEqual(Array(4).fill('"default";q=3;w=1'));
    expect(replies.map((r) => /;r=(\d+)/.exec(String(r.headers['ratelimit']))?.[1])).toEqual(['2', '1', '0', '0']);
    expect(replies[3]!.headers['retry-after']).toBe('1');
  });

  it('sends no policy when the window is not whole seconds (100 per 0.1 s), rather than a rounded one', async () => {
    const sandbox = await startSandbox({ variants: ['fixed-window-limiter'], rateLimit: { requestsPerSecond: 1000, burst: 100 } });
    started.push(sandbox);
    const reply = await send(sandbox.url);
    expect(reply.status).toBe(201);
    expect(reply.headers['ratelimit-policy']).toBeUndefined();
    expect(reply.headers['ratelimit']).toMatch(/^"default";r=99;t=\d+$/);
  });
});

describe.each([
  ['token bucket', createTokenBucketLimiter],
  ['fixed window', createFixedWindowLimiter],
  ['sliding window', createSlidingWindowLimiter],
] as const)('the %s limiter', (_name, create: (settings: RateLimitSettings) => RateLimiter) => {
  const settings = fc.record({ requestsPerSecond: fc.constantFrom(0.5, 1, 2, 3, 7, 50, 1000), burst: fc.integer({ min: 1, max: 20 }) });
  const gapsMs = fc.array(fc.integer({ min: 0, max: 1500 }), { minLength: 1, maxLength: 60 });

  it('is honest: after any 429, waiting Retry-After gets the next request through (contract §6)', () => {
    fc.assert(
      fc.property(settings, gapsMs, fc.integer({ min: 0, max: 10_000 }), (limit, gaps, startMs) => {
        const limiter = create(limit);
        let nowMs = fixedNow + startMs;
        for (const gap of gaps) {
          nowMs += gap;
          const decision = limiter.take(partner1.apiKey, nowMs);
          expect(decision.remaining).toBeGreaterThanOrEqual(0);
          if (!decision.allowed) {
            expect(decision.resetSeconds).toBeGreaterThanOrEqual(1);
            nowMs += decision.resetSeconds * 1000;
            expect(limiter.take(partner1.apiKey, nowMs).allowed).toBe(true);
          }
        }
      }),
    );
  });

  it('never accepts more than burst + rate · t in any span t, and counts every API key apart', () => {
    fc.assert(
      fc.property(settings, gapsMs, (limit, gaps) => {
        const limiter = create(limit);
        let nowMs = fixedNow;
        const accepted: number[] = [];
        for (const gap of gaps) {
          nowMs += gap;
          if (limiter.take(partner1.apiKey, nowMs).allowed) accepted.push(nowMs);
        }
        // A fixed window may take a burst on each side of its edge: at most 2 · burst + rate · t.
        const slack = create === createFixedWindowLimiter ? 2 * limit.burst : limit.burst;
        for (let i = 0; i < accepted.length; i++) {
          for (let j = i; j < accepted.length; j++) expect(j - i + 1).toBeLessThanOrEqual(slack + (limit.requestsPerSecond * (accepted[j]! - accepted[i]!)) / 1000 + 1e-6);
        }
        expect(limiter.take('another-key', nowMs).allowed).toBe(true);
      }),
    );
  });
});
