/**
 * A synchronous HTTP backend for the k6/http stub (k6's http.request blocks):
 * a worker thread runs fetch while the caller waits on Atomics.wait, then
 * reads the answer with receiveMessageOnPort. The target must live in another
 * thread or process, since the caller's event loop is blocked meanwhile.
 */
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { StubRequest, StubResponse } from './stub-state.js';

const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const flag = new Int32Array(workerData.shared);
parentPort.on('message', async (input) => {
  const started = performance.now();
  let result;
  try {
    const r = await fetch(input.url, { method: input.method, headers: input.headers, body: input.body || undefined });
    const body = await r.text();
    result = { status: r.status, headers: Object.fromEntries(r.headers), body, durationMs: performance.now() - started };
  } catch (e) {
    result = { status: 0, headers: {}, body: String(e), durationMs: performance.now() - started };
  }
  workerData.port.postMessage(result);
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
});
`;

/** Go's canonical header key, as k6 reports response headers: `retry-after` → `Retry-After`. */
export const canonicalHeaderName = (name: string): string => name.split('-').map((p) => p.charAt(0).toUpperCase() + p.slice(1).toLowerCase()).join('-');

let channel: { worker: Worker; flag: Int32Array; port: MessagePort } | undefined;

function ensureWorker(): NonNullable<typeof channel> {
  if (channel) return channel;
  const shared = new SharedArrayBuffer(4);
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(workerSource, { eval: true, workerData: { shared, port: port2 }, transferList: [port2] });
  worker.unref();
  channel = { worker, flag: new Int32Array(shared), port: port1 };
  return channel;
}

/** Sends `request` and blocks until the answer (10 s at most). */
export function syncHttp(request: StubRequest): StubResponse {
  const { worker, flag, port } = ensureWorker();
  Atomics.store(flag, 0, 0);
  worker.postMessage(request);
  if (Atomics.wait(flag, 0, 0, 10_000) === 'timed-out') throw new Error(`sync-http: no answer from ${request.url} within 10 s`);
  const received = receiveMessageOnPort(port) as { message: StubResponse } | undefined;
  if (!received) throw new Error('sync-http: the worker signalled but sent nothing');
  const response = received.message;
  return { ...response, headers: Object.fromEntries(Object.entries(response.headers).map(([k, v]) => [canonicalHeaderName(k), v])) };
}

/** Stops the worker (call in afterAll). */
export async function closeSyncHttp(): Promise<void> {
  const current = channel;
  channel = undefined;
  await current?.worker.terminate();
}
