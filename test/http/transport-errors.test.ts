import { afterEach, describe, expect, it } from 'vitest';
import { defaultProfile } from '../../src/contract/profile.js';
import { createHarnessClient, type HarnessClientOptions } from '../../src/http/create-harness-client.js';
import type { Exchange } from '../../src/http/exchange.js';
import { isRunAbortedError } from '../../src/http/run-aborted-error.js';
import { closedPortUrl, startRawServer, startServer, type Handler } from './test-server.js';

const partners = { primary: { apiKey: 'pk', secret: 'transport-secret' } };
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function client(target: URL, options: Partial<HarnessClientOptions> = {}) {
  const created = createHarnessClient({ target, profile: defaultProfile, partners, timeoutMs: 300, ...options });
  cleanups.push(() => created.close());
  return created;
}

async function serve(handler: Handler) {
  const server = await startServer(handler);
  cleanups.push(() => server.close());
  return server;
}

describe('transport errors become exchanges', () => {
  it('times out on a server that never answers', async () => {
    const server = await serve(() => {});
    const exchange = await client(server.url).send({ json: {} });
    expect(exchange.error?.code).toBe('timeout');
    expect(exchange.error?.message).toContain('300 ms');
    expect(exchange.response).toBeUndefined();
  });

  it('times out on a server that sends headers then stalls the body', async () => {
    const server = await serve((_, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': 100 });
      res.write('{"partial":');
    });
    const exchange = await client(server.url, { timeoutMs: 300 }).send({ json: {} });
    expect(exchange.error?.code).toBe('timeout');
  });

  it('reports connection refused on a closed port', async () => {
    const exchange = await client(await closedPortUrl()).send({ json: {} });
    expect(exchange.error?.code).toBe('connection-refused');
    expect(exchange.request.body).toBe('{}');
  });

  it('reports a connection closed or reset before any response', async () => {
    const server = await serve((_, __, socket) => socket.destroy());
    const closed = await client(server.url).send({ json: {} });
    expect(closed.error?.code).toBe('connection-reset');
    const resetServer = await serve((_, __, socket) => socket.resetAndDestroy());
    const reset = await client(resetServer.url).send({ json: {} });
    expect(reset.error?.code).toBe('connection-reset');
  });

  it('reports a malformed response as invalid-response', async () => {
    const raw = await startRawServer('NOT HTTP AT ALL\r\n\r\n');
    cleanups.push(() => raw.close());
    const exchange = await client(raw.url).send({ json: {} });
    expect(exchange.error?.code).toBe('invalid-response');
  });
});

describe('bounded recording of response bodies', () => {
  it('records at most maxResponseBytes of a large body and marks it truncated', async () => {
    const big = JSON.stringify({ data: 'x'.repeat(5000) });
    const server = await serve((_, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(big);
    });
    const exchange = await client(server.url, { maxResponseBytes: 1000, timeoutMs: 5000 }).send({ json: {} });
    expect(exchange.error).toBeUndefined();
    expect(exchange.response?.body).toBe(big.slice(0, 1000));
    expect(exchange.response?.bodyTruncated).toBe(true);
    expect(exchange.response?.json).toBeUndefined();
  });

  it('stops reading an endless body once the limit is reached', async () => {
    const server = await serve((_, res) => {
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      const timer = setInterval(() => (res.destroyed ? clearInterval(timer) : res.write('y'.repeat(4096))), 1);
    });
    const exchange = await client(server.url, { maxResponseBytes: 64 * 1024, timeoutMs: 10_000 }).send({ json: {} });
    expect(exchange.error).toBeUndefined();
    expect(exchange.response?.body.length).toBe(64 * 1024);
    expect(exchange.response?.bodyTruncated).toBe(true);
  });
});

describe('aborting the run', () => {
  it('cancels a request in flight: send rejects with the run-aborted error and the exchange is recorded', async () => {
    const controller = new AbortController();
    const server = await serve(() => controller.abort(new Error('user pressed ctrl-c')));
    const recorded: Exchange[] = [];
    const harness = client(server.url, { signal: controller.signal, timeoutMs: 10_000, onExchange: (e) => recorded.push(e) });
    const error: unknown = await harness.send({ json: {} }).catch((e: unknown) => e);
    expect(isRunAbortedError(error)).toBe(true);
    expect((error as Error).name).toBe('AbortError');
    expect(recorded.map((e) => e.error?.code)).toEqual(['aborted']);
    await expect(harness.send({ json: {} })).rejects.toMatchObject({ code: 'BOCA_ABORTED' });
    expect(server.received).toHaveLength(1);
  });

  it('cancels a retry wait', async () => {
    const controller = new AbortController();
    const server = await serve((_, res) => {
      res.writeHead(429, { 'Retry-After': '5' });
      res.end();
    });
    const harness = client(server.url, { signal: controller.signal, onExchange: () => controller.abort() });
    await expect(harness.send({ json: {} })).rejects.toMatchObject({ code: 'BOCA_ABORTED' });
    expect(harness.exchanges.map((e) => e.response?.status)).toEqual([429]);
  });
});

describe('many requests under one run signal', () => {
  it('sends 40 concurrent requests without a listener-leak warning', async () => {
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);
    process.on('warning', onWarning);
    try {
      const server = await serve((_, res) => setTimeout(() => res.end('{}'), 20));
      const harness = client(server.url, { signal: new AbortController().signal, timeoutMs: 5000, connections: 8 });
      const exchanges = await Promise.all(Array.from({ length: 40 }, () => harness.send({ json: {} })));
      expect(exchanges.every((e) => e.response?.status === 200)).toBe(true);
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings.filter((w) => w.name === 'MaxListenersExceededWarning')).toEqual([]);
    } finally {
      process.off('warning', onWarning);
    }
  });
});
