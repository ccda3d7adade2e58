/** Order of evaluation, contract §2: the first failing step answers, and no rejected request creates a user. */
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { startSandbox, type StartedSandbox } from '../../src/sandbox/start-sandbox.js';
import { freshUser, send, testClock, type SendOptions } from './sandbox-client.js';

let sandbox: StartedSandbox | undefined;
afterEach(() => sandbox?.close());

async function start(rateLimit: { requestsPerSecond: number; burst: number } | false = false) {
  const clock = testClock();
  sandbox = await startSandbox({ now: clock.now, rateLimit });
  const url = sandbox.url;
  return { clock, post: (o: SendOptions = {}) => send(url, { nowMs: clock.now(), ...o }) };
}

const badSignature = { 'x-request-signature': '0'.repeat(64) };

describe('order of evaluation', () => {
  it('authentication comes first: an unauthenticated request with every other fault gets 401', async () => {
    const { post } = await start();
    const reply = await post({ body: '[not json', contentType: 'text/plain', idempotencyKey: 'nope', headers: badSignature });
    expect(reply.status).toBe(401);
  });

  it('an unauthenticated minor with a duplicate externalId gets 401', async () => {
    const { post } = await start();
    const user = freshUser();
    await post({ body: user });
    expect((await post({ body: { ...user, dateOfBirth: '2015-01-01' }, headers: badSignature })).status).toBe(401);
  });

  it('the rate limit comes before the Idempotency-Key format and the body', async () => {
    const { post } = await start({ requestsPerSecond: 1, burst: 1 });
    expect((await post()).status).toBe(201);
    expect((await post({ idempotencyKey: 'not-a-uuid', body: '{' })).status).toBe(429);
  });

  it('the Idempotency-Key format comes before the body', async () => {
    const { post } = await start();
    const reply = await post({ idempotencyKey: 'not-a-uuid', body: '{' });
    expect(reply.status).toBe(400);
    expect(reply.json.fieldErrors?.[0]?.field).toBe('Idempotency-Key');
  });

  it('the idempotency lookup comes before the body: a stored key with a broken body gets the mismatch 422', async () => {
    const { post } = await start();
    const key = randomUUID();
    await post({ idempotencyKey: key });
    expect((await post({ idempotencyKey: key, body: '{' })).status).toBe(422);
  });

  it('field rules come before age, and age before uniqueness', async () => {
    const { post } = await start();
    const user = freshUser();
    await post({ body: user });
    expect((await post({ body: { ...user, dateOfBirth: '2015-01-01', email: 'x' } })).status).toBe(400);
    expect((await post({ body: { ...user, dateOfBirth: '2015-01-01' } })).status).toBe(422);
  });
});

describe('rejected requests create no user', () => {
  it('for every kind of rejection', async () => {
    const { post } = await start({ requestsPerSecond: 1000, burst: 30 });
    const existing = freshUser();
    await post({ body: existing });
    const count = sandbox!.store.countUsers();
    const rejections: [number, SendOptions][] = [
      [401, { headers: badSignature }],
      [401, { headers: { 'x-api-key': 'pk_nobody' } }],
      [400, { idempotencyKey: 'x' }],
      [400, { contentType: 'text/plain' }],
      [400, { body: freshUser({ postalCode: '12345' }) }],
      [422, { body: freshUser({ dateOfBirth: '2008-03-14' }) }],
      [409, { body: { ...existing, email: 'new@example.com' } }],
    ];
    for (const [status, options] of rejections) expect((await post(options)).status).toBe(status);
    expect(sandbox!.store.countUsers()).toBe(count);
  });
});
