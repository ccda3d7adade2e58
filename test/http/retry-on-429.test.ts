import { afterEach, describe, expect, it } from 'vitest';
import { defaultProfile } from '../../src/contract/profile.js';
import { createHarnessClient, type HarnessClientOptions } from '../../src/http/create-harness-client.js';
import type { Exchange } from '../../src/http/exchange.js';
import { nodeCrypto } from '../../src/signing/node-crypto.js';
import { verifySignature } from '../../src/signing/sign-request.js';
import { json, startServer } from './test-server.js';

const primary = { apiKey: 'pk', secret: 'retry-secret' };
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A server that answers the first `throttled` requests with 429 and `headers`, then 201. */
async function setup(throttled: number, headers: () => Record<string, string>, options: Partial<HarnessClientOptions> = {}) {
  let count = 0;
  const server = await startServer((_, res) => (++count <= throttled ? json(res, 429, { error: 'too_many_requests' }, headers()) : json(res, 201, { ok: true })));
  const waitsMs: number[] = [];
  const observed: Exchange[] = [];
  const client = createHarnessClient({
    target: server.url,
    profile: defaultProfile,
    partners: { primary },
    sleep: async (ms) => void waitsMs.push(ms),
    onExchange: (e) => observed.push(e),
    ...options,
  });
  cleanups.push(() => server.close(), () => client.close());
  return { server, client, waitsMs, observed };
}

describe('retry on an unexpected 429', () => {
  it('honours Retry-After delay-seconds, records every 429 and returns the final exchange', async () => {
    const { server, client, waitsMs, observed } = await setup(2, () => ({ 'Retry-After': '0' }));
    const exchange = await client.send({ json: { a: 1 } });
    expect(exchange.response?.status).toBe(201);
    expect(exchange.attempt).toBe(3);
    expect(observed.map((e) => [e.response?.status, e.attempt])).toEqual([[429, 1], [429, 2], [201, 3]]);
    expect(client.exchanges).toHaveLength(3);
    expect(waitsMs).toEqual([50, 50]);
    for (const received of server.received) {
      const { valid } = verifySignature(
        { method: received.method, path: received.target, timestamp: String(received.headers['x-request-timestamp']), body: received.body },
        primary,
        String(received.headers['x-request-signature']),
        { profile: defaultProfile.signing, crypto: nodeCrypto },
      );
      expect(valid).toBe(true);
    }
  });

  it('honours an HTTP-date Retry-After, measured on the server clock', async () => {
    const serverDateMs = Date.UTC(2031, 0, 1, 12, 0, 0);
    const headers = () => ({ Date: new Date(serverDateMs).toUTCString(), 'Retry-After': new Date(serverDateMs + 3000).toUTCString() });
    const { client, waitsMs } = await setup(1, headers);
    expect((await client.send({ json: {} })).response?.status).toBe(201);
    expect(waitsMs).toHaveLength(1);
    // The server stamped its Date somewhere in [date, date + 1 s): 2 to 3 s remain, plus the margin.
    expect(waitsMs[0]).toBeGreaterThanOrEqual(2000);
    expect(waitsMs[0]).toBeLessThanOrEqual(3050);
  });

  it('stops after maxRetries and returns the last 429', async () => {
    const { client, waitsMs } = await setup(Infinity, () => ({ 'Retry-After': '1' }), { retryOn429: { maxRetries: 2 } });
    const exchange = await client.send({ json: {} });
    expect(exchange.response?.status).toBe(429);
    expect(client.exchanges.map((e) => e.attempt)).toEqual([1, 2, 3]);
    expect(waitsMs).toEqual([1050, 1050]);
  });

  it('does not wait for a Retry-After beyond maxWaitMs', async () => {
    const { client, waitsMs } = await setup(Infinity, () => ({ 'Retry-After': '60' }));
    expect((await client.send({ json: {} })).response?.status).toBe(429);
    expect(client.exchanges).toHaveLength(1);
    expect(waitsMs).toEqual([]);
  });

  it('falls back to a bounded backoff when Retry-After is missing or invalid', async () => {
    const { client, waitsMs } = await setup(3, () => ({ 'Retry-After': 'soon' }), { retryOn429: { maxWaitMs: 1500 } });
    expect((await client.send({ json: {} })).response?.status).toBe(201);
    expect(waitsMs).toEqual([1000, 1500, 1500]);
    const missing = await setup(1, () => ({}));
    await missing.client.send({ json: {} });
    expect(missing.waitsMs).toEqual([1000]);
  });

  it('returns the 429 itself when retry is off for the request or the client', async () => {
    const perRequest = await setup(1, () => ({ 'Retry-After': '0' }));
    const exchange = await perRequest.client.send({ json: {}, retryOn429: false });
    expect(exchange.response?.status).toBe(429);
    expect(exchange.response?.headers['retry-after']).toBe('0');
    expect(perRequest.client.exchanges).toHaveLength(1);
    const perClient = await setup(1, () => ({ 'Retry-After': '0' }), { retryOn429: false });
    expect((await perClient.client.send({ json: {} })).response?.status).toBe(429);
    expect(perClient.waitsMs).toEqual([]);
  });
});
