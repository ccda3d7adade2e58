/**
 * Runs the slices on worker threads (one undici Pool each), starts them
 * together at one epoch time once all are ready, relays progress deltas and
 * the stop request, and resolves with every thread's SliceResult.
 */
import { Worker } from 'node:worker_threads';
import type { ProgressDelta } from './load-progress.js';
import type { SliceResult } from './slice-result.js';
import type { SliceSetup } from './slice-setup.js';
import type { WorkerMessage } from './worker-messages.js';

export interface ThreadRun {
  /** Epoch ms of t = 0 (known once every thread is ready). */
  readonly started: Promise<number>;
  readonly done: Promise<SliceResult[]>;
}

export function runThreads(script: URL, setups: readonly SliceSetup[], signal: AbortSignal, onDelta: (delta: ProgressDelta) => void): ThreadRun {
  const workers = setups.map((setup) => new Worker(script, { workerData: setup }));
  let readyCount = 0;
  let startResolve!: (startAtMs: number) => void;
  const started = new Promise<number>((resolve) => (startResolve = resolve));
  const stop = () => workers.forEach((w) => w.postMessage({ type: 'stop' }));
  signal.addEventListener('abort', stop, { once: true });
  if (signal.aborted) stop();
  const results = workers.map(
    (worker) =>
      new Promise<SliceResult>((resolve, reject) => {
        worker.on('message', (message: WorkerMessage) => {
          if (message.type === 'ready') {
            if (++readyCount === workers.length) {
              const startAtMs = performance.timeOrigin + performance.now() + 50;
              workers.forEach((w) => w.postMessage({ type: 'start', startAtMs }));
              startResolve(startAtMs);
            }
          } else if (message.type === 'progress') onDelta(message.delta);
          else if (message.type === 'done') resolve(message.result);
          else if (message.type === 'failed') reject(Object.assign(new Error(`load worker failed: ${message.message}`), { stack: message.stack }));
        });
        worker.once('error', reject);
        worker.once('exit', (code) => reject(new Error(`load worker exited with code ${code} before reporting`)));
      }),
  );
  const done = Promise.all(results).finally(async () => {
    signal.removeEventListener('abort', stop);
    await Promise.all(workers.map((w) => w.terminate()));
  });
  // A worker that fails before it is ready must not leave `started` pending forever.
  done.catch(() => startResolve(NaN));
  return { started, done };
}
