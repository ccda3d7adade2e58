/**
 * The sandbox under hostile clients (issue 5): thousands of idle
 * connections, malformed request lines, dribbled headers and oversized
 * headers, all at once, while a well-behaved client's signed create still
 * gets its 201. Complements test/sandbox/hostile-input.test.ts (one hostile
 * client at a time: huge bodies, stalled bodies, a single slowloris, bad
 * header lines). The healthy client's latency is printed with
 * BOCA_HOSTILE_MATRIX=1 (a figure for bench/RESULTS.md, not asserted; the
 * hostile clients run in the same process and event loop as the sandbox,
 * so it is an upper bound).
 */
import type { Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startSandbox, type StartedSandbox } from '../../src/sandbox/start-sandbox.js';
import { send } from '../sandbox/sandbox-client.js';
import { closed, dribble, openIdleConnections, rawExchange, statusOf } from './raw-client.js';

/** Stays far under `ulimit -n` (each connection costs the test process two descriptors: client and server end). */
const idleConnections = 2000;

let sandbox: StartedSandbox | undefined;
const sockets: Socket[] = [];
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  await sandbox?.close();
  sandbox = undefined;
});

/** A signed create by a well-behaved client, timed. */
async function healthyCreate(url: string): Promise<{ status: number; ms: number }> {
  const started = performance.now();
  const { status } = await send(url);
  return { status, ms: performance.now() - started };
}

const report = (label: string, ms: number) => {
  if (process.env.BOCA_HOSTILE_MATRIX) console.log(`${label}: healthy signed create answered 201 in ${ms.toFixed(1)} ms`);
};

const malformedRequests: readonly (readonly [string, string | Buffer])[] = [
  ['a method with spaces', 'PO ST /v1/users HTTP/1.1\r\nHost: x\r\n\r\n'],
  ['no version', 'POST /v1/users\r\nHost: x\r\n\r\n'],
  ['an unknown version', 'POST /v1/users HTTP/9.9\r\nHost: x\r\n\r\n'],
  ['binary garbage', Buffer.from([0x00, 0xff, 0x13, 0x37, 0x0d, 0x0a, 0x0d, 0x0a])],
  ['an HTTP/2 preface', 'PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n'],
  ['a request line without CRLF then a bare LF flood', `POST /v1/users HTTP/1.1${'\n'.repeat(10_000)}`],
  ['a 100 KB request-target', `POST /v1/users?${'a'.repeat(100_000)} HTTP/1.1\r\nHost: x\r\n\r\n`],
  ['a control character in the request-target', 'POST /v1/us\x01ers HTTP/1.1\r\nHost: x\r\n\r\n'],
];

describe('the sandbox under hostile clients', () => {
  it.each(malformedRequests)('answers a malformed request line (%s) with a 4xx and closes, never a 5xx', async (_, bytes) => {
    sandbox = await startSandbox({ rateLimit: false });
    const raw = await rawExchange(sandbox.port, bytes);
    // Some inputs make Node's parser close without a word (e.g. a bare-LF flood); any answer is a client error.
    if (raw !== '') expect(statusOf(raw)).toBeGreaterThanOrEqual(400);
    expect(statusOf(raw) >= 500).toBe(false);
    expect((await send(sandbox.url)).status).toBe(201);
  });

  it(`serves a signed create while ${idleConnections} idle connections are open, and drops them once a request would be late`, async () => {
    sandbox = await startSandbox({ rateLimit: false, headersTimeoutMs: 1_000, requestTimeoutMs: 2_000 });
    sockets.push(...(await openIdleConnections(sandbox.port, idleConnections)));
    const healthy = await healthyCreate(sandbox.url);
    expect(healthy.status).toBe(201);
    report(`${idleConnections} idle connections`, healthy.ms);
    // None may hold a descriptor forever: the server drops what sent nothing after requestTimeoutMs (2 s; deadline generous).
    const dropped = Promise.all(sockets.map(closed));
    await expect(Promise.race([dropped.then(() => 'dropped'), new Promise((resolve) => setTimeout(resolve, 15_000, 'still open'))])).resolves.toBe('dropped');
  });

  it('serves a signed create while idle, dribbling, oversized and malformed clients all hammer it at once', async () => {
    sandbox = await startSandbox({ rateLimit: false, headersTimeoutMs: 1_000, requestTimeoutMs: 2_000 });
    const { port, url } = sandbox;
    sockets.push(...(await openIdleConnections(port, 1000)));
    const slowloris = Array.from({ length: 50 }, () => dribble(port, `POST /v1/users HTTP/1.1\r\nHost: x\r\n${'X-Slow: 1\r\n'.repeat(100)}\r\n`, 50));
    const oversized = Array.from({ length: 50 }, () => rawExchange(port, `POST /v1/users HTTP/1.1\r\nHost: x\r\n${`X-Big: ${'a'.repeat(8_000)}\r\n`.repeat(4)}\r\n`));
    const malformed = Array.from({ length: 200 }, (_, i) => rawExchange(port, malformedRequests[i % malformedRequests.length]![1]));

    const latencies: number[] = [];
    for (let i = 0; i < 5; i++) {
      const healthy = await healthyCreate(url);
      expect(healthy.status).toBe(201);
      latencies.push(healthy.ms);
    }
    report('1000 idle + 50 slowloris + 50 oversized-header + 200 malformed clients (slowest of 5)', Math.max(...latencies));

    const [slow, big, bad] = await Promise.all([Promise.all(slowloris), Promise.all(oversized), Promise.all(malformed)]);
    expect(slow.map(statusOf)).toEqual(slow.map(() => 408));
    expect(big.map(statusOf)).toEqual(big.map(() => 431));
    for (const raw of bad) expect(statusOf(raw) >= 500).toBe(false);
  });
});
