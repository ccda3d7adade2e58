/**
 * Every fault changes the sandbox the way its description says (style §9):
 * each probe runs against the healthy sandbox and the faulty one, and the two
 * must give the expected, different observations.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { formatRfc3339 } from '../../src/contract/rfc3339.js';
import { isUsageError } from '../../src/errors.js';
import { createSandbox } from '../../src/sandbox/create-sandbox.js';
import { faultCatalogue } from '../../src/sandbox/faults/index.js';
import { startSandbox, type StartedSandbox } from '../../src/sandbox/start-sandbox.js';
import { freshUser, partner1, partner2, send, testClock, type Reply, type SendOptions } from './sandbox-client.js';

interface ProbeContext {
  readonly post: (options?: SendOptions) => Promise<Reply>;
  readonly sandbox: StartedSandbox;
  readonly clock: ReturnType<typeof testClock>;
}

interface Probe {
  readonly fault: string;
  /** What the probe observes. */
  readonly observe: (c: ProbeContext) => Promise<unknown>;
  readonly healthy: unknown;
  readonly faulty: unknown;
  readonly rateLimit?: { requestsPerSecond: number; burst: number };
  readonly latencyMs?: number;
}

const minor = () => freshUser({ dateOfBirth: '2010-06-01' });

const probes: Probe[] = [
  {
    fault: 'signature-not-checked',
    observe: async ({ post }) => (await post({ headers: { 'x-request-signature': 'f'.repeat(64) } })).status,
    healthy: 401,
    faulty: 201,
  },
  {
    fault: 'stale-timestamps-accepted',
    observe: async ({ post, clock }) => (await post({ timestamp: formatRfc3339(clock.now() - 86_400_000) })).status,
    healthy: 401,
    faulty: 201,
  },
  {
    fault: 'timestamp-future-unchecked',
    observe: async ({ post, clock }) => [
      (await post({ timestamp: formatRfc3339(clock.now() + 3_600_000) })).status,
      (await post({ timestamp: formatRfc3339(clock.now() - 3_600_000) })).status,
    ],
    healthy: [401, 401],
    faulty: [201, 401],
  },
  {
    fault: 'validation-before-auth',
    observe: async ({ post }) => (await post({ body: '{', headers: { 'x-api-key': 'pk_nobody' } })).status,
    healthy: 401,
    faulty: 400,
  },
  {
    fault: 'rejected-request-creates-user',
    observe: async ({ post, sandbox }) => {
      const before = sandbox.store.countUsers();
      const { status } = await post({ body: minor() });
      return [status, sandbox.store.countUsers() - before];
    },
    healthy: [422, 0],
    faulty: [422, 1],
  },
  {
    fault: 'signature-optional',
    observe: async ({ post }) => [
      (await post({ headers: { 'x-request-signature': undefined } })).status,
      (await post({ headers: { 'x-request-signature': '' } })).status,
    ],
    healthy: [401, 401],
    faulty: [201, 401],
  },
  {
    fault: 'partner-found-by-signature',
    observe: async ({ post }) => [
      (await post({ headers: { 'x-api-key': undefined } })).status,
      (await post({ headers: { 'x-api-key': 'pk_nobody' } })).status,
      (await post({ partner: { apiKey: 'pk_nobody', secret: 'sk_nobody_holds_this' } })).status,
    ],
    healthy: [401, 401, 401],
    faulty: [201, 201, 401],
  },
  {
    fault: 'signature-over-reserialised-json',
    observe: async ({ post }) => [(await post({ body: JSON.stringify(freshUser(), null, 2) })).status, (await post({ body: JSON.stringify(freshUser()) })).status],
    healthy: [201, 201],
    faulty: [401, 201],
  },
  {
    fault: 'signature-path-without-query',
    observe: async ({ post }) => [(await post({ path: '/v1/users?dryRun=1' })).status, (await post()).status],
    healthy: [201, 201],
    faulty: [401, 201],
  },
  {
    fault: 'skew-window-too-narrow',
    observe: async ({ post, clock }) => [
      (await post({ timestamp: formatRfc3339(clock.now() - 120_000) })).status,
      (await post({ timestamp: formatRfc3339(clock.now() + 120_000) })).status,
      (await post({ timestamp: formatRfc3339(clock.now() - 30_000) })).status,
    ],
    healthy: [201, 201, 201],
    faulty: [401, 401, 201],
  },
  {
    fault: 'timestamp-parsed-leniently',
    observe: async ({ post, clock }) => [
      (await post({ timestamp: String(Math.floor(clock.now() / 1000)) })).status,
      (await post({ timestamp: new Date(clock.now()).toUTCString() })).status,
      (await post({ timestamp: formatRfc3339(clock.now()).replace('-03-', '-02-').replace(/-\d\dT/, '-30T') })).status,
    ],
    healthy: [401, 401, 401],
    faulty: [201, 201, 401],
  },
  {
    fault: 'uniqueness-before-age',
    observe: async ({ post }) => {
      const user = freshUser();
      await post({ body: user });
      return (await post({ body: { ...user, dateOfBirth: '2010-06-01' } })).status;
    },
    healthy: 422,
    faulty: 409,
  },
  {
    fault: 'idempotency-key-format-before-auth',
    observe: async ({ post }) => (await post({ idempotencyKey: 'not-a-uuid', headers: { 'x-api-key': 'pk_nobody' } })).status,
    healthy: 401,
    faulty: 400,
  },
  {
    fault: 'first-field-error-only',
    observe: async ({ post }) => (await post({ body: freshUser({ email: 'x', city: '', country: 'US' }) })).json.fieldErrors.length,
    healthy: 3,
    faulty: 1,
  },
  {
    fault: 'minors-accepted',
    observe: async ({ post }) => (await post({ body: minor() })).status,
    healthy: 422,
    faulty: 201,
  },
  {
    fault: 'duplicate-external-id-accepted',
    observe: async ({ post, sandbox }) => {
      const user = freshUser();
      await post({ body: user });
      return [(await post({ body: user })).status, sandbox.store.countUsers(partner1.apiKey)];
    },
    healthy: [409, 1],
    faulty: [201, 2],
  },
  {
    fault: 'idempotency-ignored',
    observe: async ({ post }) => {
      const key = randomUUID();
      const body = JSON.stringify(freshUser());
      await post({ body, idempotencyKey: key });
      return (await post({ body, idempotencyKey: key })).status;
    },
    healthy: 201,
    faulty: 409,
  },
  {
    fault: 'idempotency-mismatch-replays',
    observe: async ({ post }) => {
      const key = randomUUID();
      await post({ idempotencyKey: key });
      return (await post({ idempotencyKey: key })).status;
    },
    healthy: 422,
    faulty: 201,
  },
  {
    fault: 'idempotency-shared-across-partners',
    observe: async ({ post }) => {
      const key = randomUUID();
      const body = JSON.stringify(freshUser());
      const one = await post({ partner: partner1, body, idempotencyKey: key });
      const two = await post({ partner: partner2, body, idempotencyKey: key });
      return two.json.userId === one.json.userId;
    },
    healthy: false,
    faulty: true,
  },
  {
    fault: 'idempotency-in-flight-unguarded',
    latencyMs: 300,
    observe: async ({ post }) => {
      const key = randomUUID();
      const body = JSON.stringify(freshUser());
      const replies = await Promise.all(Array.from({ length: 5 }, () => post({ body, idempotencyKey: key })));
      const inFlight = replies.filter((r) => /still being processed/.test(r.json.message ?? '')).length;
      return [inFlight > 0, (await post({ body, idempotencyKey: key })).status];
    },
    healthy: [true, 201],
    faulty: [false, 409],
  },
  {
    fault: 'field-errors-missing',
    observe: async ({ post }) => 'fieldErrors' in (await post({ body: freshUser({ email: 'x' }) })).json,
    healthy: true,
    faulty: false,
  },
  {
    fault: 'request-id-reused',
    observe: async ({ post }) => (await post({ body: '{' })).json.requestId === (await post({ body: '{' })).json.requestId,
    healthy: false,
    faulty: true,
  },
  {
    fault: 'server-error-on-unicode-name',
    observe: async ({ post }) => {
      const reply = await post({ body: freshUser({ firstName: 'Zoë' }) });
      return [reply.status, reply.json.error ?? 'created', (await post({ body: freshUser({ firstName: 'Zoe' }) })).status];
    },
    healthy: [201, 'created', 201],
    faulty: [500, 'internal_error', 201],
  },
  {
    fault: 'unknown-properties-rejected',
    observe: async ({ post }) => (await post({ body: freshUser({ middleName: 'Marie' }) })).status,
    healthy: 201,
    faulty: 400,
  },
  {
    fault: 'charset-parameter-rejected',
    observe: async ({ post }) => [(await post({ contentType: 'application/json; charset=utf-8' })).status, (await post()).status],
    healthy: [201, 201],
    faulty: [400, 201],
  },
  {
    fault: 'required-fields-not-enforced',
    observe: async ({ post }) => (await post({ body: freshUser({ city: undefined }) })).status,
    healthy: 400,
    faulty: 201,
  },
  {
    fault: 'wrong-types-coerced',
    observe: async ({ post }) => [
      (await post({ body: freshUser({ city: 12345 }) })).status,
      (await post({ body: freshUser({ occupation: ['Infirmière'] }) })).status,
    ],
    healthy: [400, 400],
    faulty: [201, 201],
  },
  {
    fault: 'malformed-json-server-error',
    observe: async ({ post }) => {
      const reply = await post({ body: '{"externalId":' });
      return [reply.status, reply.json.error];
    },
    healthy: [400, 'bad_request'],
    faulty: [500, 'internal_error'],
  },
  {
    fault: 'array-body-unwrapped',
    observe: async ({ post }) => [(await post({ body: JSON.stringify([freshUser()]) })).status, (await post({ body: '[]' })).status],
    healthy: [400, 400],
    faulty: [201, 400],
  },
  {
    fault: 'content-type-ignored',
    observe: async ({ post }) => [(await post({ contentType: 'text/plain' })).status, (await post({ headers: { 'content-type': undefined } })).status],
    healthy: [400, 400],
    faulty: [201, 201],
  },
  {
    fault: 'oversized-body-payload-too-large',
    observe: async ({ post }) => {
      const reply = await post({ body: JSON.stringify(freshUser({ notes: 'x'.repeat(70_000) })) });
      return [reply.status, reply.json.error];
    },
    healthy: [400, 'bad_request'],
    faulty: [413, 'payload_too_large'],
  },
  {
    fault: 'age-birthday-not-counted',
    // The test clock reads 2026-03-13: born 2008-03-13 turns 18 today, born 2008-03-12 turned 18 yesterday.
    observe: async ({ post }) => [(await post({ body: freshUser({ dateOfBirth: '2008-03-13' }) })).status, (await post({ body: freshUser({ dateOfBirth: '2008-03-12' }) })).status],
    healthy: [201, 201],
    faulty: [422, 201],
  },
  {
    fault: 'length-counted-in-bytes',
    observe: async ({ post }) => [(await post({ body: freshUser({ firstName: 'é'.repeat(60) }) })).status, (await post({ body: freshUser({ firstName: 'e'.repeat(100) }) })).status],
    healthy: [201, 201],
    faulty: [400, 201],
  },
  {
    fault: 'error-envelope-plain-text',
    observe: async ({ post }) => {
      const reply = await post({ headers: { 'x-api-key': 'pk_nobody' } });
      return [reply.status, reply.headers['content-type'], reply.json?.error];
    },
    healthy: [401, 'application/json', 'unauthorized'],
    faulty: [401, 'text/plain; charset=utf-8', undefined],
  },
  {
    fault: 'retry-after-missing',
    rateLimit: { requestsPerSecond: 1, burst: 1 },
    observe: async ({ post }) => {
      await post();
      const throttled = await post();
      return [throttled.status, throttled.headers['retry-after']];
    },
    healthy: [429, '1'],
    faulty: [429, undefined],
  },
  {
    fault: 'retry-after-too-short',
    rateLimit: { requestsPerSecond: 1, burst: 1 },
    observe: async ({ post, clock }) => {
      await post();
      clock.advance(300);
      const throttled = await post();
      clock.advance(Number(throttled.headers['retry-after']) * 1000);
      return (await post()).status;
    },
    healthy: 201,
    faulty: 429,
  },
  {
    fault: 'rate-limit-not-enforced',
    rateLimit: { requestsPerSecond: 1, burst: 1 },
    observe: async ({ post }) => {
      await post();
      return (await post()).status;
    },
    healthy: 429,
    faulty: 201,
  },
  {
    fault: 'idempotency-key-format-unchecked',
    observe: async ({ post }) => (await post({ idempotencyKey: 'my-idempotency-key-1' })).status,
    healthy: 400,
    faulty: 201,
  },
  {
    fault: 'idempotency-stores-rejections',
    observe: async ({ post }) => {
      const afterInvalid = randomUUID();
      await post({ body: '{', idempotencyKey: afterInvalid });
      const afterUnsigned = randomUUID();
      const body = JSON.stringify(freshUser());
      await post({ body, idempotencyKey: afterUnsigned, mangleSignature: () => 'f'.repeat(64) });
      return [(await post({ idempotencyKey: afterInvalid })).status, (await post({ body, idempotencyKey: afterUnsigned })).status];
    },
    healthy: [201, 201],
    faulty: [422, 401],
  },
  {
    fault: 'rate-limit-too-strict',
    rateLimit: { requestsPerSecond: 1, burst: 1 },
    observe: async ({ post, clock }) => {
      await post();
      clock.advance(1000);
      return (await post()).status;
    },
    healthy: 201,
    faulty: 429,
  },
  {
    fault: 'rate-limit-headers-incoherent',
    rateLimit: { requestsPerSecond: 1, burst: 3 },
    observe: async ({ post }) => {
      await post();
      const second = await post();
      return second.headers['ratelimit'];
    },
    healthy: '"default";r=1;t=2',
    faulty: '"default";r=3;t=2',
  },
  {
    fault: 'throttled-key-stored',
    rateLimit: { requestsPerSecond: 1, burst: 1 },
    observe: async ({ post, clock }) => {
      await post();
      const key = randomUUID();
      const throttled = await post({ idempotencyKey: key });
      clock.advance(1000);
      return [throttled.status, (await post({ idempotencyKey: key })).status];
    },
    healthy: [429, 201],
    faulty: [429, 422],
  },
];

let started: StartedSandbox[] = [];
afterEach(async () => {
  await Promise.all(started.map((s) => s.close()));
  started = [];
});

async function observe(probe: Probe, faults: string[]): Promise<unknown> {
  const clock = testClock();
  const sandbox = await startSandbox({ now: clock.now, faults, rateLimit: probe.rateLimit ?? false, latencyMs: probe.latencyMs ?? 0 });
  started.push(sandbox);
  return probe.observe({ sandbox, clock, post: (options = {}) => send(sandbox.url, { nowMs: clock.now(), ...options }) });
}

describe('the fault catalogue', () => {
  it('has a probe for every fault and a fault for every contract section', () => {
    expect(probes.map((p) => p.fault).sort()).toEqual(faultCatalogue.map((f) => f.name).sort());
    expect(new Set(faultCatalogue.map((f) => f.section))).toEqual(new Set(['§1', '§2', '§3', '§4', '§5', '§6']));
    for (const fault of faultCatalogue) expect(fault.name).toMatch(/^[a-z]+(-[a-z]+)*$/);
  });

  it('rejects unknown fault names with a usage error that lists the known ones', () => {
    let error: unknown;
    try {
      createSandbox({ faults: ['signature-not-checked', 'no-such-fault'] });
    } catch (caught) {
      error = caught;
    }
    expect(isUsageError(error)).toBe(true);
    expect((error as Error).message).toMatch(/"no-such-fault"/);
    for (const fault of faultCatalogue) expect((error as Error).message).toContain(fault.name);
  });
});

describe.each(probes)('fault $fault', (probe) => {
  it('the healthy sandbox behaves as the contract says', async () => {
    expect(await observe(probe, [])).toEqual(probe.healthy);
  });
  it('the fault changes exactly that behaviour', async () => {
    expect(await observe(probe, [probe.fault])).toEqual(probe.faulty);
  });
});
