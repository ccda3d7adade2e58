/** Waiting, injectable so tests of pacing and retries never wait for real. */
import { setTimeout as delay } from 'node:timers/promises';
import { runAbortedError, throwIfRunAborted } from './run-aborted-error.js';

/** Resolves after `ms` milliseconds; may reject early when `signal` aborts. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/** Real timers (`node:timers/promises`), cancelled by the signal. */
export const realSleep: Sleep = (ms, signal) => delay(ms, undefined, signal ? { signal } : {});

/** Sleeps with `sleep`, rejecting with the run-aborted error if `signal` aborts before or during the wait. */
export async function pause(sleep: Sleep, ms: number, signal: AbortSignal | undefined): Promise<void> {
  throwIfRunAborted(signal);
  try {
    await sleep(ms, signal);
  } catch (error) {
    if (signal?.aborted) throw runAbortedError(signal.reason);
    throw error;
  }
  throwIfRunAborted(signal);
}
