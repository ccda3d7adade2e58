/**
 * The engine's HTTP transport on loopback servers: sockets opened ahead,
 * bodies read or drained, repeated headers, errors as outcomes, and requests
 * in flight ended when the run stops. Hostile answers (dribbled or huge
 * bodies, connections lost mid-body) are in test/hostile/broken-responses.test.ts.
 */
import diagnostics from 'node:diagnostics_channel';
import { createServer, type Server } from 'node:http';
import type { Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { undiciTransport, type UndiciTransportOptions } from '../../../src/load/engine/undici-transport.js';
import type { Transport } from '../../../src/load/engine/transport.js';
import { startNeverAnswering } from '../../hostile/servers/never-answering.js';
import { startNothingListening } from '../../hostile/servers/nothing-listening.js';

const planned = { method: 'POST', path: '/v1/users', headers: { 'content-type': 'application/json' }, body: '{"externalId":"x"}' };
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

interface CountingServer {
  readonly url: string;
  readonly connections: () => number;
  readonly open: () => number;
  readonly requests: string[];
}

/** Answers 201 with a JSON body and a repeated header; counts connections and keeps each request body. */
async function countingServer(onConnection: (socket: Socket) => void = () => {}): Promise<CountingServer> {
  const requests: string[] = [];
  const sockets = new Set<Socket>();
  let connections = 0;
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      requests.push(body);
      res.setHeader('x-repeated', ['one', 'two']);
      res.writeHead(201, { 'content-type': 'application/json' });
      res.end('{"userId":"u_1"}');
    });
  });
  server.on('connection', (socket: Socket) => {
    connections++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    onConnection(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}`, connections: () => connections, open: () => sockets.size, requests };
}

function transportTo(url: string, overrides: Partial<UndiciTransportOptions> = {}): Transport {
  const transport = undiciTransport({ target: new URL(url), connections: 8, timeoutMs: 5_000, readBodies: true, ...overrides });
  cleanups.push(() => transport.close());
  return transport;
}

/** Resolves once `condition` holds (the test's own timeout bounds the wait). */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}

const live = () => new AbortController().signal;

describe('the load engine transport', () => {
  it('sends the exact body bytes and reads the answer, repeated headers joined', async () => {
    const server = await countingServer();
    const outcome = await transportTo(server.url).send(planned, live());
    expect(outcome).toMatchObject({ status: 201, body: '{"userId":"u_1"}', headers: { 'content-type': 'application/json', 'x-repeated': 'one, two' } });
    expect(server.requests).toEqual([planned.body]);
  });

  it('drains a body nobody reads', async () => {
    const server = await countingServer();
    const transport = transportTo(server.url, { readBodies: false });
    expect(await transport.send(planned, live())).toMatchObject({ status: 201, body: '' });
    // undici reuses a socket one event-loop turn after its response ended, and only once the body is consumed.
    await new Promise((resolve) => setImmediate(resolve));
    expect(await transport.send(planned, live())).toMatchObject({ status: 201, body: '' });
    expect(server.connections()).toBe(1);
  });

  it('opens sockets ahead without sending anything, and the requests then use them', async () => {
    const server = await countingServer();
    const transport = transportTo(server.url);
    await transport.open!(4);
    await until(() => server.connections() === 4);
    expect(server.requests).toEqual([]);
    for (let i = 0; i < 3; i++) expect(await transport.send(planned, live())).toMatchObject({ status: 201 });
    await Promise.all([transport.send(planned, live()), transport.send(planned, live()), transport.send(planned, live())]);
    expect(server.requests).toHaveLength(6);
    expect(server.connections()).toBe(4);
  });

  it('opens no more sockets ahead than the pool may hold', async () => {
    const server = await countingServer();
    const transport = transportTo(server.url, { connections: 2 });
    await transport.open!(10);
    await until(() => server.connections() === 2);
    await transport.send(planned, live());
    expect(server.connections()).toBe(2);
  });

  it('passes over a socket opened ahead that the server has since closed', async () => {
    let closeNext = 2;
    const server = await countingServer((socket) => {
      if (closeNext-- > 0) socket.destroy();
    });
    const transport = transportTo(server.url);
    const clientSockets: Socket[] = [];
    const onSocket = (message: unknown) => clientSockets.push((message as { socket: Socket }).socket);
    diagnostics.subscribe('net.client.socket', onSocket);
    try {
      await transport.open!(2);
    } finally {
      diagnostics.unsubscribe('net.client.socket', onSocket);
    }
    // Until this side has seen both closes: a close still on the wire is the race no client can win.
    await until(() => clientSockets.length === 2 && clientSockets.every((s) => s.destroyed));
    expect(await transport.send(planned, live())).toMatchObject({ status: 201 });
    expect(server.connections()).toBe(3);
  });

  it('closes the sockets it opened ahead when it closes', async () => {
    const server = await countingServer();
    const transport = undiciTransport({ target: new URL(server.url), connections: 3, timeoutMs: 5_000, readBodies: true });
    await transport.open!(3);
    await until(() => server.open() === 3);
    await transport.close();
    await until(() => server.open() === 0);
    expect(server.requests).toEqual([]);
  });

  it('closes a socket that connects after the transport closed', async () => {
    const server = await countingServer();
    const transport = undiciTransport({ target: new URL(server.url), connections: 3, timeoutMs: 5_000, readBodies: true });
    const opening = transport.open!(3);
    await transport.close();
    await opening;
    await until(() => server.connections() === 3 && server.open() === 0);
    expect(server.requests).toEqual([]);
  });

  it('stops waiting for sockets when the run stops', async () => {
    const server = await countingServer();
    const transport = transportTo(server.url);
    await transport.open!(4, AbortSignal.abort());
    expect(server.requests).toEqual([]);
  });

  it('ends a request in flight as interrupted when its run stops', async () => {
    const server = await startNeverAnswering();
    cleanups.push(() => server.close());
    const stop = new AbortController();
    const transport = transportTo(server.url, { timeoutMs: 60_000 });
    const pending = transport.send(planned, stop.signal);
    await until(() => server.hits() === 1);
    stop.abort();
    expect(await pending).toEqual({ error: 'interrupted' });
    expect(await transport.send(planned, stop.signal)).toEqual({ error: 'interrupted' });
  });

  it('ends a request at its deadline as a timeout', async () => {
    const server = await startNeverAnswering();
    cleanups.push(() => server.close());
    expect(await transportTo(server.url, { timeoutMs: 100 }).send(planned, live())).toEqual({ error: 'timeout' });
  });

  it('reports a refused connection as an outcome, not a rejection', async () => {
    const nothing = await startNothingListening();
    expect(await transportTo(nothing.url).send(planned, live())).toEqual({ error: 'connection-refused' });
  });
});
