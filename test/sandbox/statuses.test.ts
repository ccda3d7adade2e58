/** Every status of the seed page, from the default sandbox over real HTTP (contract §1, §3, §5). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultProfile } from '../../src/contract/profile.js';
import { uuidPattern } from '../../src/contract/responses.js';
import { formatRfc3339 } from '../../src/contract/rfc3339.js';
import { isUsageError } from '../../src/errors.js';
import { createSandbox } from '../../src/sandbox/create-sandbox.js';
import { startSandbox, type StartedSandbox } from '../../src/sandbox/start-sandbox.js';
import { nodeCrypto } from '../../src/signing/node-crypto.js';
import { signingPresets } from '../../src/signing/presets.js';
import { signRequest } from '../../src/signing/sign-request.js';
import { fixedNow, freshUser, partner1, seedUser, send, testClock, type SendOptions } from './sandbox-client.js';

const clock = testClock();
let sandbox: StartedSandbox;
const post = (options: SendOptions = {}) => send(sandbox.url, { nowMs: clock.now(), ...options });

beforeAll(async () => {
  sandbox = await startSandbox({ now: clock.now, rateLimit: false });
});
afterAll(() => sandbox.close());

function expectEnvelope(reply: { json: any; headers: Record<string, unknown> }, error: string) {
  expect(reply.headers['content-type']).toMatch(/^application\/json/);
  expect(reply.json).toMatchObject({ error, message: expect.any(String), requestId: expect.any(String) });
  expect(reply.json.message.length).toBeGreaterThan(0);
  expect(reply.json.requestId.length).toBeGreaterThan(0);
}

describe('201', () => {
  it('creates the seed example user with the seed shape', async () => {
    const reply = await post({ body: seedUser() });
    expect(reply.status).toBe(201);
    expect(reply.headers['content-type']).toMatch(/^application\/json/);
    expect(Object.keys(reply.json).sort()).toEqual(['externalId', 'status', 'userId']);
    expect(reply.json.externalId).toBe('partner-user-42');
    expect(reply.json.status).toBe('pendingCompliance');
    expect(reply.json.userId).toMatch(uuidPattern);
    expect(sandbox.store.findUser(reply.json.userId)?.apiKey).toBe(partner1.apiKey);
  });

  it('accepts Unicode names, a charset parameter, a null addressLine2 and a timestamp with an offset and fraction', async () => {
    const reply = await post({
      body: freshUser({ firstName: 'Zoë', lastName: "Nguyễn-O'Brien", addressLine2: null }),
      contentType: 'application/json; charset=utf-8',
      timestamp: '2026-03-13T08:01:30.250-04:00',
    });
    expect(reply.status).toBe(201);
  });

  it('accepts someone whose 18th birthday is today (UTC)', async () => {
    expect((await post({ body: freshUser({ dateOfBirth: '2008-03-13' }) })).status).toBe(201);
  });

  it('sends a Date header from the sandbox clock', async () => {
    const reply = await post({ body: freshUser() });
    expect(Date.parse(String(reply.headers['date']))).toBe(fixedNow);
  });
});

describe('400', () => {
  it('reports every invalid field, named by its JSON property', async () => {
    const reply = await post({ body: freshUser({ email: 'not-an-email', postalCode: 'm5v 2t6', isCiroAffiliate: 'false', city: undefined }) });
    expect(reply.status).toBe(400);
    expectEnvelope(reply, 'bad_request');
    expect(reply.json.fieldErrors.map((e: { field: string }) => e.field).sort()).toEqual(['city', 'email', 'isCiroAffiliate', 'postalCode']);
    for (const entry of reply.json.fieldErrors) expect(entry.message).toEqual(expect.any(String));
  });

  it.each([
    ['malformed JSON', '{"externalId": "a",'],
    ['an empty body', ''],
    ['a JSON array', '[]'],
    ['JSON null', 'null'],
    ['a JSON string', '"user"'],
  ])('rejects %s without fieldErrors', async (_, body) => {
    const reply = await post({ body });
    expect(reply.status).toBe(400);
    expectEnvelope(reply, 'bad_request');
    expect(reply.json.fieldErrors).toBeUndefined();
  });

  it.each(['text/plain', 'application/x-www-form-urlencoded', 'application/jsonp'])('rejects Content-Type %s', async (contentType) => {
    const reply = await post({ contentType });
    expect(reply.status).toBe(400);
    expect(reply.json.message).toMatch(/Content-Type/);
  });

  it('rejects a body over 64 KiB, after authenticating it', async () => {
    const body = JSON.stringify(freshUser({ padding: 'x'.repeat(70_000) }));
    const reply = await post({ body });
    expect(reply.status).toBe(400);
    expect(reply.json.message).toMatch(/65536/);
    const unsigned = await post({ body, headers: { 'x-request-signature': '0'.repeat(64) } });
    expect(unsigned.status).toBe(401);
  });

  it('rejects an Idempotency-Key that is not a UUID with a fieldErrors entry for the header', async () => {
    const reply = await post({ idempotencyKey: 'order-42' });
    expect(reply.status).toBe(400);
    expect(reply.json.fieldErrors).toEqual([{ field: 'Idempotency-Key', message: expect.any(String) }]);
  });

  it('rejects a body that is not valid UTF-8', async () => {
    const bytes = Buffer.concat([Buffer.from(JSON.stringify(freshUser({ firstName: 'Zo' })).slice(0, -1)), Buffer.from(',"x":"\xff"}', 'latin1')]);
    const reply = await post({ body: bytes });
    expect(reply.status).toBe(400);
    expect(reply.json.message).toMatch(/UTF-8/);
  });
});

describe('401', () => {
  const cases: [string, SendOptions][] = [
    ['no X-Api-Key', { headers: { 'x-api-key': undefined } }],
    ['an unknown X-Api-Key', { headers: { 'x-api-key': 'pk_unknown' } }],
    ['no X-Request-Timestamp', { headers: { 'x-request-timestamp': undefined } }],
    ['epoch seconds as timestamp', { timestamp: String(Math.floor(fixedNow / 1000)) }],
    ['a timestamp without offset', { timestamp: '2026-03-13T12:00:00' }],
    ['an impossible date', { timestamp: '2026-02-30T12:00:00Z' }],
    ['a timestamp 301 s in the past', { timestamp: formatRfc3339(fixedNow - 301_000) }],
    ['a timestamp 301 s in the future', { timestamp: formatRfc3339(fixedNow + 301_000) }],
    ['a timestamp 24 h in the past', { timestamp: formatRfc3339(fixedNow - 86_400_000) }],
    ['no X-Request-Signature', { headers: { 'x-request-signature': undefined } }],
    ['a wrong signature', { headers: { 'x-request-signature': 'a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4e5f6a1b2' } }],
    ['the signature of other body bytes', { signBody: '{"externalId": "x"}' }],
    ['the other partner\'s signature', { headers: { 'x-api-key': 'pk_sandbox_partner2' } }],
    ['an upper-case hex signature', { mangleSignature: (signature) => signature.toUpperCase() }],
  ];

  it.each(cases)('answers %s with 401', async (_, options) => {
    const before = sandbox.store.countUsers();
    const reply = await post(options);
    expect(reply.status).toBe(401);
    expectEnvelope(reply, 'unauthorized');
    expect(sandbox.store.countUsers()).toBe(before);
  });

  it.each([-299, 299])('accepts a timestamp %i s from the server clock', async (offsetSeconds) => {
    expect((await post({ timestamp: formatRfc3339(fixedNow + offsetSeconds * 1000) })).status).toBe(201);
  });

  it('signs the request-target with its query string', async () => {
    expect((await post({ path: '/v1/users?source=test' })).status).toBe(201);
  });
});

describe('409 and 422', () => {
  it('answers a second create with the same externalId 409, whatever the other fields', async () => {
    const user = freshUser();
    expect((await post({ body: user })).status).toBe(201);
    const again = await post({ body: { ...user, email: 'other@example.com', firstName: 'Other' } });
    expect(again.status).toBe(409);
    expectEnvelope(again, 'conflict');
  });

  it('answers a minor (18 tomorrow) 422 and creates nobody', async () => {
    const before = sandbox.store.countUsers();
    const reply = await post({ body: freshUser({ dateOfBirth: '2008-03-14' }) });
    expect(reply.status).toBe(422);
    expectEnvelope(reply, 'unprocessable_entity');
    expect(sandbox.store.countUsers()).toBe(before);
  });
});

describe('responses', () => {
  it('gives every error a fresh requestId', async () => {
    const ids = new Set<string>();
    for (let i = 0; i < 5; i++) ids.add((await post({ body: '{' })).json.requestId);
    expect(ids.size).toBe(5);
  });

  it('answers other paths 404 and other methods 405 in the envelope', async () => {
    const notFound = await post({ path: '/v1/accounts' });
    expect(notFound.status).toBe(404);
    expect(notFound.json.error).toBe('not_found');
    const wrongMethod = await post({ method: 'PUT' });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers['allow']).toBe('POST');
    expect(wrongMethod.json.error).toBe('method_not_allowed');
  });
});

describe('other signing profiles', () => {
  const profile = { ...defaultProfile, signing: signingPresets.base64 };

  it('refuses at start a partner whose secret does not decode in the profile encoding', () => {
    let error: unknown;
    try {
      createSandbox({ profile, partners: [{ apiKey: 'pk_bad', secret: 'not base64!' }] });
    } catch (caught) {
      error = caught;
    }
    expect(isUsageError(error)).toBe(true);
    expect((error as Error).message).toMatch(/pk_bad is not valid base64/);
  });

  it('verifies base64 secrets and base64 signatures', async () => {
    const partner = { apiKey: 'pk_b64', secret: Buffer.from('base64 secret').toString('base64') };
    const b64 = await startSandbox({ profile, partners: [partner], rateLimit: false });
    try {
      const body = JSON.stringify(freshUser());
      const timestamp = formatRfc3339(Date.now());
      const { signature } = signRequest({ method: 'POST', path: '/v1/users', timestamp, body }, partner, { profile: profile.signing, crypto: nodeCrypto });
      expect((await send(b64.url, { body, timestamp, partner, headers: { 'x-request-signature': signature } })).status).toBe(201);
      // The hex signature of the default profile is not accepted.
      expect((await send(b64.url, { body, timestamp, partner })).status).toBe(401);
    } finally {
      await b64.close();
    }
  });
});
