import { afterEach, describe, expect, it } from 'vitest';
import { defaultProfile } from '../../src/contract/profile.js';
import { parseRfc3339 } from '../../src/contract/rfc3339.js';
import { createHarnessClient, type HarnessClientOptions } from '../../src/http/create-harness-client.js';
import type { Exchange } from '../../src/http/exchange.js';
import { nodeCrypto } from '../../src/signing/node-crypto.js';
import { verifySignature, type Credentials } from '../../src/signing/sign-request.js';
import { json, startServer, type ReceivedRequest } from './test-server.js';

const primary: Credentials = { apiKey: 'pk_primary', secret: 'primary-secret-must-never-leak-7f3a' };
const secondary: Credentials = { apiKey: 'pk_secondary', secret: 'secondary-secret-must-never-leak-91c' };
const signOptions = { profile: defaultProfile.signing, crypto: nodeCrypto };

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setup(handler = (_: ReceivedRequest, res: import('node:http').ServerResponse) => json(res, 201, { ok: true }), options: Partial<HarnessClientOptions> = {}) {
  const server = await startServer(handler);
  const client = createHarnessClient({ target: server.url, profile: defaultProfile, partners: { primary, secondary }, ...options });
  cleanups.push(() => server.close(), () => client.close());
  return { server, client };
}

/** Verifies the received request's signature against the values actually received. */
function verifyReceived(received: ReceivedRequest, credentials: Credentials, overrides: { method?: string; path?: string; timestamp?: string; body?: Uint8Array } = {}) {
  return verifySignature(
    {
      method: overrides.method ?? received.method,
      path: overrides.path ?? received.target,
      timestamp: overrides.timestamp ?? String(received.headers['x-request-timestamp']),
      body: overrides.body ?? received.body,
    },
    credentials,
    String(received.headers['x-request-signature']),
    signOptions,
  ).valid;
}

describe('createHarnessClient: bytes and signatures', () => {
  it('sends the exact body bytes, method and request-target, signed over those bytes', async () => {
    const { server, client } = await setup();
    const body = '{"email" : "zoe@example.com","firstName":"Zo\\u00eb", "lastName":"Zoë"}';
    const path = '/v1//users/./x/../?q=a%20b&q=%7e&z';
    const exchange = await client.send({ method: 'POST', path, body });
    const received = server.received[0]!;
    expect(received.body.equals(Buffer.from(body, 'utf8'))).toBe(true);
    expect(received.target).toBe(path);
    expect(received.headers['content-length']).toBe(String(Buffer.byteLength(body)));
    expect(received.headers['content-type']).toBe('application/json');
    expect(received.headers['x-api-key']).toBe(primary.apiKey);
    expect(verifyReceived(received, primary)).toBe(true);
    expect(exchange.request.body).toBe(body);
    expect(exchange.request.path).toBe(path);
    expect(exchange.request.url).toBe(server.url.origin + path);
    expect(exchange.canonicalString).toContain(`POST\n${path}\n`);
  });

  it('serialises json once with JSON.stringify and sends Uint8Array bodies as they are', async () => {
    const { server, client } = await setup();
    const value = { firstName: 'Nguyễn', n: 1, nested: { a: [1, 'b'] } };
    await client.send({ json: value });
    const bytes = Uint8Array.from([0x7b, 0xff, 0xfe, 0x00, 0x7d]);
    const exchange = await client.send({ body: bytes, contentType: 'application/octet-stream' });
    expect(server.received[0]!.body.toString('utf8')).toBe(JSON.stringify(value));
    expect(server.received[0]!.method).toBe(defaultProfile.endpoint.method);
    expect(server.received[0]!.target).toBe(defaultProfile.endpoint.path);
    expect(verifyReceived(server.received[0]!, primary)).toBe(true);
    expect(server.received[1]!.body.equals(Buffer.from(bytes))).toBe(true);
    expect(server.received[1]!.headers['content-type']).toBe('application/octet-stream');
    expect(verifyReceived(server.received[1]!, primary)).toBe(true);
    expect(Buffer.from(exchange.request.bodyBase64!, 'base64').equals(Buffer.from(bytes))).toBe(true);
  });

  it('signs the other values given in signedOver, not those sent', async () => {
    const { server, client } = await setup();
    const body = '{"a":1}';
    const signedOver = { method: 'PUT', path: '/v1/other', timestamp: '2024-05-01T12:00:00Z', body: '{"a":2}' };
    await client.send({ body, sign: { signedOver } });
    await client.send({ body, sign: { signedOver: { body: '{"a":2}' } } });
    const [first, second] = server.received as [ReceivedRequest, ReceivedRequest];
    expect(verifyReceived(first, primary)).toBe(false);
    expect(verifyReceived(first, primary, { ...signedOver, body: Buffer.from(signedOver.body) })).toBe(true);
    expect(first.body.toString()).toBe(body);
    expect(first.headers['x-request-timestamp']).not.toBe(signedOver.timestamp);
    expect(verifyReceived(second, primary)).toBe(false);
    expect(verifyReceived(second, primary, { body: Buffer.from('{"a":2}') })).toBe(true);
  });

  it('signs with given credentials and timestamp', async () => {
    const { server, client } = await setup();
    await client.send({ json: {}, sign: { credentials: secondary, timestamp: '2024-05-01T12:00:00+02:00' } });
    const received = server.received[0]!;
    expect(received.headers['x-api-key']).toBe(secondary.apiKey);
    expect(received.headers['x-request-timestamp']).toBe('2024-05-01T12:00:00+02:00');
    expect(verifyReceived(received, secondary)).toBe(true);
  });

  it('sends none of the three auth headers with sign: false, and removes headers overridden with null', async () => {
    const { server, client } = await setup();
    const unsigned = await client.send({ json: {}, sign: false });
    await client.send({ json: {}, headers: { 'x-request-signature': null, 'Content-Type': null, 'X-Extra': 'yes' } });
    await client.send({ json: {}, headers: { 'X-API-KEY': 'pk_unknown' } });
    const [first, second, third] = server.received as [ReceivedRequest, ReceivedRequest, ReceivedRequest];
    for (const name of ['x-api-key', 'x-request-timestamp', 'x-request-signature']) expect(first.headers[name]).toBeUndefined();
    expect(unsigned.canonicalString).toBeUndefined();
    expect(second.headers['x-request-signature']).toBeUndefined();
    expect(second.headers['content-type']).toBeUndefined();
    expect(second.headers['x-api-key']).toBe(primary.apiKey);
    expect(second.headers['x-extra']).toBe('yes');
    expect(third.headers['x-api-key']).toBe('pk_unknown');
  });

  it('marks only requests it signed as sent, with its own timestamp, as re-signable (signedBy)', async () => {
    const { client } = await setup();
    const standard = await client.send({ json: {} });
    const bySecondary = await client.send({ json: {}, sign: { credentials: secondary } });
    const custom = [
      await client.send({ json: {}, sign: { timestamp: '2024-05-01T12:00:00Z' } }),
      await client.send({ json: {}, sign: { signedOver: { body: '{"x":1}' } } }),
      await client.send({ json: {}, headers: { 'X-Request-Signature': 'deadbeef' } }),
      await client.send({ json: {}, sign: false }),
    ];
    expect(standard.signedBy).toBe(primary.apiKey);
    expect(bySecondary.signedBy).toBe(secondary.apiKey);
    for (const exchange of custom) expect(exchange.signedBy).toBeUndefined();
  });

  it('paces every request except those that opt out with pace: false', async () => {
    let clock = 0;
    const waits: number[] = [];
    const sleep = async (ms: number) => {
      waits.push(ms);
      clock += ms;
    };
    const { client } = await setup(undefined, { maxRps: 1, now: () => clock, sleep });
    await client.send({ json: {} });
    await client.send({ json: {} });
    const pacedWaits = waits.length;
    for (let i = 0; i < 5; i++) await client.send({ json: {}, pace: false });
    expect(pacedWaits).toBeGreaterThan(0);
    expect(waits.length).toBe(pacedWaits);
  });
});

describe('createHarnessClient: recording', () => {
  it('records responses with lower-case header names, parsed JSON and sequential ids', async () => {
    const { client } = await setup((req, res) => {
      if (req.target === '/text') {
        res.writeHead(400, { 'X-Mixed-Case': 'v', 'Content-Type': 'text/plain' });
        res.end('not json');
      } else json(res, 201, { userId: 'u1' }, { 'X-Request-Id': 'r1' });
    });
    const first = await client.send({ json: {}, idempotencyKey: '123e4567-e89b-12d3-a456-426614174000' });
    const second = await client.send({ path: '/text', method: 'GET' });
    expect(first.id).toBe('e1');
    expect(second.id).toBe('e2');
    expect(first.attempt).toBe(1);
    expect(first.response).toMatchObject({ status: 201, json: { userId: 'u1' } });
    expect(first.response!.headers['x-request-id']).toBe('r1');
    expect(first.request.headers['Idempotency-Key']).toBe('123e4567-e89b-12d3-a456-426614174000');
    expect(second.response).toMatchObject({ status: 400, body: 'not json' });
    expect(second.response!.json).toBeUndefined();
    expect(second.response!.headers['x-mixed-case']).toBe('v');
    expect(second.request.body).toBeUndefined();
    expect(client.exchanges.map((e) => e.id)).toEqual(['e1', 'e2']);
    expect(client.exchanges.every((e) => e.error === undefined && e.durationMs >= 0)).toBe(true);
  });

  it('never records a secret, whatever is signed', async () => {
    const recorded: Exchange[] = [];
    const profile = { ...defaultProfile, signing: { ...defaultProfile.signing, template: '{METHOD}\n{PATH}\n{TIMESTAMP}\n{BODY}\n{API_KEY}' } };
    const { client } = await setup(undefined, { profile, onExchange: (e) => recorded.push(e) });
    await client.send({ json: { a: 1 } });
    await client.send({ json: { a: 1 }, sign: { credentials: secondary, signedOver: { body: 'x' } } });
    await client.send({ json: { a: 1 }, sign: false });
    const text = JSON.stringify([client.exchanges, recorded]);
    expect(recorded).toHaveLength(3);
    expect(text).not.toContain(primary.secret);
    expect(text).not.toContain(secondary.secret);
  });
});

describe('createHarnessClient: the server clock', () => {
  it('learns the offset of a server whose Date is an hour ahead and signs with the server time', async () => {
    const skewMs = 3_600_000;
    const { server, client } = await setup((_, res) => json(res, 201, {}, { Date: new Date(Date.now() + skewMs).toUTCString() }));
    expect(client.serverClock.hasSample).toBe(false);
    await client.send({ json: {} });
    expect(client.serverClock.hasSample).toBe(true);
    expect(client.serverClock.offsetMs).toBeGreaterThan(skewMs - 1500);
    expect(client.serverClock.offsetMs).toBeLessThan(skewMs + 1500);
    for (let i = 0; i < 5; i++) await client.send({ json: {} });
    const timestampMs = parseRfc3339(String(server.received.at(-1)!.headers['x-request-timestamp']))!;
    expect(Math.abs(timestampMs - (Date.now() + skewMs))).toBeLessThan(2500);
    expect(Math.abs(client.serverClock.nowMs() - (Date.now() + skewMs))).toBeLessThan(1500);
  });
});
