/**
 * How both HTTP clients record a response that started and then broke
 * (src/http/undici-transport.ts, src/load/engine/undici-transport.ts): the
 * status that came, a deadline over the whole exchange (a dribbled body
 * included) and a body cut at the recording limit.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { defaultProfile } from '../../src/contract/profile.js';
import { createHarnessClient } from '../../src/http/create-harness-client.js';
import { undiciTransport } from '../../src/load/engine/undici-transport.js';
import { startCloseMidBody } from './servers/close-mid-body.js';
import { startHeadersThenStall } from './servers/headers-then-stall.js';
import type { HostileServer } from './servers/hostile-server.js';
import { startHugeBody } from './servers/huge-body.js';
import { startNeverAnswering } from './servers/never-answering.js';
import { startSlowlorisBody } from './servers/slowloris-response.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function harnessSend(server: HostileServer, timeoutMs = 300) {
  cleanups.push(() => server.close());
  const client = createHarnessClient({ target: new URL(server.url), profile: defaultProfile, partners: { primary: { apiKey: 'pk', secret: 'sk' } }, timeoutMs });
  cleanups.push(() => client.close());
  return client.send({ json: {} });
}

function loadTransport(server: HostileServer, readBodies: boolean) {
  cleanups.push(() => server.close());
  const transport = undiciTransport({ target: new URL(server.url), connections: 1, timeoutMs: 500, readBodies });
  cleanups.push(() => transport.close());
  return transport;
}

const planned = { method: 'POST', path: '/v1/users', headers: { 'content-type': 'application/json' }, body: '{}' };

describe('the harness client on a response that broke after its headers', () => {
  it('records the status of a body that stalled, as a timeout', async () => {
    const exchange = await harnessSend(await startHeadersThenStall());
    expect(exchange.error).toEqual({ code: 'timeout', status: 201, message: "the 201 response's headers came, but its body was not complete within 300 ms" });
  });

  it('records a body cut off by the connection closing as invalid-response, not an unreachable target', async () => {
    const exchange = await harnessSend(await startCloseMidBody());
    expect(exchange.error).toMatchObject({ code: 'invalid-response', status: 201, message: expect.stringMatching(/^the 201 response was cut off mid-body \(/) });
  });

  it('keeps a target that never answered apart: no status (the preflight calls it unreachable)', async () => {
    const exchange = await harnessSend(await startNeverAnswering(), 100);
    expect(exchange.error).toEqual({ code: 'timeout', message: 'no response within 100 ms' });
  });
});

describe('the load engine transport', () => {
  it('ends a body dribbled a byte every 200 ms at its deadline (undici idle timeouts never fire)', async () => {
    const transport = loadTransport(await startSlowlorisBody(), true);
    expect(await transport.send(planned, new AbortController().signal)).toEqual({ error: 'timeout' });
  });

  it('reads at most 1 MiB of a 50 MB body', async () => {
    const server = await startHugeBody();
    const transport = loadTransport(server, true);
    const outcome = await transport.send(planned, new AbortController().signal);
    expect(outcome).toMatchObject({ status: 201 });
    expect('body' in outcome && outcome.body.length).toBe(1024 * 1024);
    expect(server.sentBytes()).toBeLessThan(50 * 1024 * 1024);
  });

  it('calls a connection lost mid-body invalid-response', async () => {
    const transport = loadTransport(await startCloseMidBody(), true);
    expect(await transport.send(planned, new AbortController().signal)).toEqual({ error: 'invalid-response' });
  });
});
