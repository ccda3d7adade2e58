/** Bad input never yields a 5xx or a hang (contract §5): huge bodies, broken HTTP, slow and vanished clients. */
import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { formatRfc3339 } from '../../src/contract/rfc3339.js';
import { startSandbox, type StartedSandbox, type StartSandboxOptions } from '../../src/sandbox/start-sandbox.js';
import { freshUser, partner1, send } from './sandbox-client.js';

let sandbox: StartedSandbox | undefined;
afterEach(() => sandbox?.close());

const start = async (options: StartSandboxOptions = {}) => (sandbox = await startSandbox({ rateLimit: false, ...options }));

/** Writes `chunks` to a raw TCP connection and resolves with everything the server sent once it closes. */
function rawExchange(port: number, chunks: (string | Buffer)[], { end = false } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let received = '';
    socket.on('data', (data) => (received += data.toString('latin1')));
    socket.on('error', (error) => ((error as NodeJS.ErrnoException).code === 'ECONNRESET' || (error as NodeJS.ErrnoException).code === 'EPIPE' ? resolve(received) : reject(error)));
    socket.on('close', () => resolve(received));
    socket.on('connect', () => {
      for (const chunk of chunks) socket.write(chunk);
      if (end) socket.end();
    });
  });
}

const statusOf = (raw: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(raw)?.[1]);
const bodyOf = (raw: string) => JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4));

describe('hostile input', () => {
  it('answers a body announced far over the limit with 400 and closes, without reading it', async () => {
    const { port } = await start();
    const head = `POST /v1/users HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${1 << 30}\r\n\r\n`;
    const raw = await rawExchange(port, [head, 'x'.repeat(1000)]);
    expect(statusOf(raw)).toBe(400);
    expect(raw).toMatch(/Connection: close/i);
    expect(bodyOf(raw)).toMatchObject({ error: 'bad_request', message: expect.stringMatching(/exceeds/) });
  });

  it('stops reading a chunked body that grows past the hard cap', async () => {
    const { port } = await start();
    const chunk = 'x'.repeat(256 * 1024);
    const head = 'POST /v1/users HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n';
    const chunks = [head, ...Array.from({ length: 6 }, () => `${(chunk.length).toString(16)}\r\n${chunk}\r\n`)];
    const raw = await rawExchange(port, chunks);
    expect(statusOf(raw)).toBe(400);
  });

  it('cuts off a client that sends headers and then stalls, and keeps serving others', async () => {
    const { port, url } = await start({ requestTimeoutMs: 400, headersTimeoutMs: 200 });
    const head = 'POST /v1/users HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"a":';
    const raw = await rawExchange(port, [head]);
    expect(statusOf(raw)).toBe(408);
    expect(bodyOf(raw).error).toBe('request_timeout');
    expect((await send(url, { partner: partner1 })).status).toBe(201);
  });

  it('cuts off a client that never finishes its headers (slowloris)', async () => {
    const { port } = await start({ requestTimeoutMs: 400, headersTimeoutMs: 200 });
    const raw = await rawExchange(port, ['POST /v1/users HTTP/1.1\r\nHost: x\r\nX-Slow: 1\r\n']);
    expect(statusOf(raw)).toBe(408);
  });

  it('survives a client that vanishes mid-body', async () => {
    const { port, url } = await start();
    const head = 'POST /v1/users HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"a":';
    await rawExchange(port, [head], { end: true });
    expect((await send(url)).status).toBe(201);
  });

  it.each([
    ['a control character in a header value', 'X-Api-Key: pk\x01bad\r\n'],
    ['a header line without a colon', 'X-Api-Key pk\r\n'],
  ])('answers %s with a 400 envelope', async (_, line) => {
    const { port } = await start();
    const raw = await rawExchange(port, [`POST /v1/users HTTP/1.1\r\nHost: x\r\n${line}Content-Length: 2\r\n\r\n{}`]);
    expect(statusOf(raw)).toBe(400);
    expect(bodyOf(raw).error).toBe('bad_request');
  });

  it('answers oversized headers with 431', async () => {
    const { port } = await start();
    const raw = await rawExchange(port, [`POST /v1/users HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`]);
    expect(statusOf(raw)).toBe(431);
  });

  it('never answers 5xx to odd but well-formed requests', async () => {
    const { url } = await start();
    const odd = [
      { body: '{"externalId":{"__proto__":{"x":1}}}' },
      { body: JSON.stringify({ ...freshUser(), constructor: 1, __proto__: null }) },
      { body: '1e999' },
      { body: '\ufeff{}' },
      { body: freshUser({ firstName: '\u0000' }) },
      { body: freshUser({ dateOfBirth: '2024-02-30' }) },
      { idempotencyKey: '' },
      { headers: { 'x-request-timestamp': '9999-12-31T23:59:59Z' } },
      { headers: { 'x-request-timestamp': `${formatRfc3339(Date.now())}, ${formatRfc3339(Date.now())}` } },
    ];
    for (const options of odd) expect((await send(url, options)).status).toBeLessThan(500);
  });
});

describe('debugSignatures', () => {
  it('logs the expected canonical string and body hash on a bad signature, never the secret', async () => {
    const lines: string[] = [];
    const { url } = await start({ debugSignatures: true, log: (line) => lines.push(line) });
    const body = '{"email":"zoe@example.com","firstName":"Zoë","province":"QC"}';
    const timestamp = formatRfc3339(Date.now());
    const reply = await send(url, { body, timestamp, headers: { 'x-request-signature': '0'.repeat(64) } });
    expect(reply.status).toBe(401);
    const log = lines.join('\n');
    expect(log).toContain(JSON.stringify(`POST\n/v1/users\n${timestamp}\n9aa915525fa31c8d538368bf7d65446d78616413040eb14898422145c35bf96e`));
    expect(log).toContain('9aa915525fa31c8d538368bf7d65446d78616413040eb14898422145c35bf96e');
    expect(log).not.toContain(partner1.secret);
    expect(reply.text).not.toContain('9aa91552');
  });

  it('logs nothing unless asked', async () => {
    const lines: string[] = [];
    const { url } = await start({ log: (line) => lines.push(line) });
    expect((await send(url, { headers: { 'x-request-signature': '0'.repeat(64) } })).status).toBe(401);
    expect(lines).toEqual([]);
  });
});
