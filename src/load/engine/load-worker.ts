/**
 * The entry of a load worker thread: finds the scenario definition, opens
 * its own undici Pool, warms up and connects its sockets (prepareSlice),
 * says it is ready, waits for the parent's start time, runs its slice,
 * reports progress about once a second and posts its SliceResult (with its
 * event-loop lag p99) when done. A stop from the parent is heard from the
 * first moment, warm-up included. Bundled to dist/load-worker.js.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { realClock } from './clock.js';
import { eventLoopLag } from './event-loop-lag.js';
import { prepareSlice } from './prepare-slice.js';
import { findDefinition, sliceTransport, startSlice, type SliceSetup } from './slice-setup.js';
import type { ParentMessage, WorkerMessage } from './worker-messages.js';

const port = parentPort!;
const post = (message: WorkerMessage): void => port.postMessage(message);

async function main(): Promise<void> {
  const setup = workerData as SliceSetup;
  const module = (setup.definitionModule ? await import(setup.definitionModule) : await import('../scenarios/scenario-definitions.js')) as Record<string, unknown>;
  const definition = findDefinition(module, setup.scenarioName);
  if (!definition) throw new Error(`no scenario definition "${setup.scenarioName}" in ${setup.definitionModule ?? 'the built-in scenarios'}`);
  const stop = new AbortController();
  const started = new Promise<number>((resolve) => {
    port.on('message', (message: ParentMessage) => {
      if (message.type === 'start') resolve(message.startAtMs);
      else stop.abort();
    });
  });
  const transport = sliceTransport(setup, definition);
  await prepareSlice(setup, definition, transport, stop.signal);
  post({ type: 'ready' });
  const startAtMs = await started;
  const lag = eventLoopLag();
  const { running } = startSlice(setup, definition, realClock, startAtMs, stop.signal, transport);
  const ticker = setInterval(() => post({ type: 'progress', delta: running.takeProgress() }), 1000);
  try {
    const result = await running.done;
    result.eventLoopLagP99Ms.push(lag.stop());
    post({ type: 'progress', delta: running.takeProgress() });
    post({ type: 'done', result });
  } finally {
    clearInterval(ticker);
    await transport.close();
  }
}

main().catch((error: unknown) => {
  post({ type: 'failed', message: error instanceof Error ? error.message : String(error), ...(error instanceof Error && error.stack ? { stack: error.stack } : {}) });
});
