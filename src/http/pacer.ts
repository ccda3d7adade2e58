/** Client-side pacing: the harness stays below a declared rate limit (`--max-rps`, contract §6). */
import { runAbortedError, throwIfRunAborted } from './run-aborted-error.js';
import { realSleep, type Sleep } from './sleep.js';

/** Hands out send slots; shared by every request of a client. */
export interface Pacer {
  /** Resolves when the caller may send one request; rejects with the run-aborted error once the signal aborts. */
  acquire(): Promise<void>;
}

export interface PacerOptions {
  /** Sustained rate, requests per second (> 0). */
  readonly requestsPerSecond: number;
  /** Requests that may go at once after an idle period (the bucket's capacity); default 1. */
  readonly burst?: number;
  /** Local clock, epoch ms; default `Date.now`. */
  readonly now?: () => number;
  readonly sleep?: Sleep;
  /** The run's signal: aborting rejects every waiting caller. */
  readonly signal?: AbortSignal;
}

// Tolerance for floating-point refill arithmetic.
const epsilon = 1e-9;

/**
 * A token bucket with a FIFO queue of waiters. Tokens are counted against
 * the clock at the moment each request is released (not when it asked), so
 * a late timer or a busy event loop cannot bunch requests: in any interval
 * of t seconds at most `burst + requestsPerSecond × t` requests go.
 */
export function createPacer({ requestsPerSecond, burst = 1, now = Date.now, sleep = realSleep, signal }: PacerOptions): Pacer {
  if (!(requestsPerSecond > 0) || !Number.isFinite(requestsPerSecond)) throw new RangeError(`requestsPerSecond must be a positive number, got ${requestsPerSecond}`);
  if (!(burst >= 1) || !Number.isInteger(burst)) throw new RangeError(`burst must be a positive integer, got ${burst}`);
  let tokens = burst;
  let refilledAtMs: number | undefined;
  const waiters: { resolve: () => void; reject: (error: unknown) => void }[] = [];
  let draining = false;

  const refill = () => {
    const nowMs = now();
    if (refilledAtMs !== undefined) tokens = Math.min(burst, tokens + ((nowMs - refilledAtMs) * requestsPerSecond) / 1000);
    refilledAtMs = nowMs;
  };
  const take = () => {
    refill();
    if (tokens < 1 - epsilon) return false;
    tokens -= 1;
    return true;
  };
  const drain = async () => {
    if (draining) return;
    draining = true;
    try {
      while (waiters.length > 0 && !signal?.aborted) {
        if (take()) waiters.shift()!.resolve();
        else await sleep(((1 - tokens) * 1000) / requestsPerSecond, signal);
      }
    } catch {
      // The sleep was cancelled by the abort; the abort listener rejects the waiters.
    } finally {
      draining = false;
    }
  };
  signal?.addEventListener('abort', () => {
    for (const waiter of waiters.splice(0)) waiter.reject(runAbortedError(signal.reason));
  }, { once: true });

  return {
    async acquire() {
      throwIfRunAborted(signal);
      if (waiters.length === 0 && take()) return;
      const waiting = new Promise<void>((resolve, reject) => waiters.push({ resolve, reject }));
      void drain();
      await waiting;
    },
  };
}
