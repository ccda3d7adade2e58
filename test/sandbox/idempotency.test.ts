/** Idempotency-Key, contract §4: replay, mismatch, in flight, scope, what is stored, TTL. */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { defaultProfile } from '../../src/contract/profile.js';
import { startSandbox, type StartedSandbox } from '../../src/sandbox/start-sandbox.js';
import { freshUser, partner1, partner2, send, testClock, type SendOptions } from './sandbox-client.js';

let sandbox: StartedSandbox | undefined;
afterEach(() => sandbox?.close());
const dir = mkdtempSync(join(tmpdir(), 'boca-sandbox-idem-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each(['memory', 'sqlite'])('with the %s store', (kind) => {
  async function start(options: Parameters<typeof startSandbox>[0] = {}) {
    const clock = testClock();
    const dbPath = kind === 'sqlite' ? join(dir, `${randomUUID()}.db`) : undefined;
    sandbox = await startSandbox({ now: clock.now, rateLimit: false, dbPath, ...options });
    expect(sandbox.store.kind).toBe(kind);
    const url = sandbox.url;
    const store = sandbox.store;
    return { clock, store, post: (o: SendOptions = {}) => send(url, { nowMs: clock.now(), ...o }) };
  }

  describe('Idempotency-Key', () => {
    it('replays the stored 201 with the same userId, a fresh signature and Idempotent-Replayed', async () => {
      const { clock, store, post } = await start();
      const key = randomUUID();
      const body = JSON.stringify(freshUser());
      const first = await post({ body, idempotencyKey: key });
      expect(first.status).toBe(201);
      expect(first.headers['idempotent-replayed']).toBeUndefined();
      clock.advance(60_000);
      const replay = await post({ body, idempotencyKey: key });
      expect(replay.status).toBe(201);
      expect(replay.text).toBe(first.text);
      expect(replay.headers['idempotent-replayed']).toBe('true');
      expect(store.countUsers()).toBe(1);
    });

    it('accepts the key in any case (the UUID as sent is the key)', async () => {
      const { post } = await start();
      expect((await post({ idempotencyKey: randomUUID().toUpperCase() })).status).toBe(201);
    });

    it('replays stored 409 and 422 outcomes', async () => {
      const { post } = await start();
      const user = freshUser();
      expect((await post({ body: user })).status).toBe(201);
      const dupKey = randomUUID();
      const duplicate = await post({ body: { ...user, city: 'Ottawa' }, idempotencyKey: dupKey });
      expect(duplicate.status).toBe(409);
      const replayed = await post({ body: { ...user, city: 'Ottawa' }, idempotencyKey: dupKey });
      expect(replayed.status).toBe(409);
      expect(replayed.json.requestId).toBe(duplicate.json.requestId);
      expect(replayed.headers['idempotent-replayed']).toBe('true');

      const minorKey = randomUUID();
      const minor = freshUser({ dateOfBirth: '2010-01-01' });
      expect((await post({ body: minor, idempotencyKey: minorKey })).status).toBe(422);
      const minorReplay = await post({ body: minor, idempotencyKey: minorKey });
      expect(minorReplay.status).toBe(422);
      expect(minorReplay.headers['idempotent-replayed']).toBe('true');
    });

    it('answers the same key with another body 422, leaving the stored result unchanged', async () => {
      const { store, post } = await start();
      const key = randomUUID();
      const user = freshUser();
      const first = await post({ body: user, idempotencyKey: key });
      const other = await post({ body: freshUser(), idempotencyKey: key });
      expect(other.status).toBe(422);
      expect(other.json.error).toBe('unprocessable_entity');
      // Byte-different serialisation of the same object is another body under the `bytes` fingerprint.
      expect((await post({ body: JSON.stringify(user, null, 2), idempotencyKey: key })).status).toBe(422);
      expect((await post({ body: user, idempotencyKey: key })).text).toBe(first.text);
      expect(store.countUsers()).toBe(1);
    });

    it('with the json fingerprint, re-serialising the same object replays', async () => {
      const profile = { ...defaultProfile, idempotency: { ...defaultProfile.idempotency, fingerprint: 'json' as const } };
      const { post } = await start({ profile });
      const key = randomUUID();
      const user = freshUser({ firstName: 'Zoë' });
      const first = await post({ body: user, idempotencyKey: key });
      const reordered = JSON.stringify(Object.fromEntries(Object.entries(user).reverse()), null, 1).replace('ë', '\\u00eb');
      const replay = await post({ body: reordered, idempotencyKey: key });
      expect(replay.status).toBe(201);
      expect(replay.json.userId).toBe(first.json.userId);
      expect((await post({ body: { ...user, city: 'Ottawa' }, idempotencyKey: key })).status).toBe(422);
    });

    it('honours the profile mismatch status', async () => {
      const profile = { ...defaultProfile, idempotency: { ...defaultProfile.idempotency, mismatchStatus: 409 as const } };
      const { post } = await start({ profile });
      const key = randomUUID();
      await post({ idempotencyKey: key });
      expect((await post({ idempotencyKey: key })).status).toBe(409);
    });

    it('does not store 400s: a retry with the same key is a fresh first request', async () => {
      const { store, post } = await start();
      const key = randomUUID();
      expect((await post({ body: freshUser({ email: 'nope' }), idempotencyKey: key })).status).toBe(400);
      expect((await post({ idempotencyKey: key })).status).toBe(201);
      expect(store.countUsers()).toBe(1);
    });

    it('does not store 401s', async () => {
      const { post } = await start();
      const key = randomUUID();
      expect((await post({ idempotencyKey: key, headers: { 'x-request-signature': '0'.repeat(64) } })).status).toBe(401);
      expect((await post({ idempotencyKey: key })).status).toBe(201);
    });

    it('keeps keys per API key: the same key under another partner is unrelated', async () => {
      const { store, post } = await start();
      const key = randomUUID();
      const user = freshUser();
      const one = await post({ partner: partner1, body: user, idempotencyKey: key });
      const two = await post({ partner: partner2, body: user, idempotencyKey: key });
      expect(one.status).toBe(201);
      expect(two.status).toBe(201);
      expect(two.headers['idempotent-replayed']).toBeUndefined();
      expect(two.json.userId).not.toBe(one.json.userId);
      expect(store.countUsers(partner1.apiKey)).toBe(1);
      expect(store.countUsers(partner2.apiKey)).toBe(1);
    });

    it('forgets a key after the TTL', async () => {
      const { clock, post } = await start({ profile: { ...defaultProfile, idempotency: { ...defaultProfile.idempotency, ttlSeconds: 60 } } });
      const key = randomUUID();
      const user = freshUser();
      expect((await post({ body: user, idempotencyKey: key })).status).toBe(201);
      clock.advance(59_000);
      expect((await post({ body: freshUser(), idempotencyKey: key })).status).toBe(422);
      clock.advance(1_000);
      expect((await post({ body: freshUser(), idempotencyKey: key })).status).toBe(201);
    });
  });

  describe('in flight', () => {
    it('20 concurrent requests with one key create exactly one user; the others get 409 or the same userId', async () => {
      const { store, post } = await start({ latencyMs: 400 });
      const key = randomUUID();
      const body = JSON.stringify(freshUser());
      const replies = await Promise.all(Array.from({ length: 20 }, () => post({ body, idempotencyKey: key })));
      const created = replies.filter((r) => r.status === 201);
      expect(created.filter((r) => r.headers['idempotent-replayed'] === undefined)).toHaveLength(1);
      expect(new Set(created.map((r) => r.json.userId)).size).toBe(1);
      const others = replies.filter((r) => r.status !== 201);
      expect(others.length).toBeGreaterThan(0);
      for (const reply of others) {
        expect(reply.status).toBe(409);
        expect(reply.json.message).toMatch(/still being processed/);
      }
      expect(store.countUsers()).toBe(1);
      const after = await post({ body, idempotencyKey: key });
      expect(after.json.userId).toBe(created[0]!.json.userId);
    });

    it('releases the key when the in-flight request is rejected with a status that is not stored', async () => {
      const { post } = await start({ latencyMs: 50 });
      const key = randomUUID();
      expect((await post({ body: '{', idempotencyKey: key })).status).toBe(400);
      expect((await post({ idempotencyKey: key })).status).toBe(201);
    });
  });
});
