/** The retry layer, contract §6: an unexpected 429 is waited out per `Retry-After`, a bounded number of times. */
import type { Dispatch } from './dispatch.js';
import type { Exchange } from './exchange.js';
import { parseRetryAfter } from '../contract/parse-retry-after.js';
import { pause, type Sleep } from './sleep.js';

export interface RetryOn429Options {
  /** Retries after the first attempt; default 3. */
  readonly maxRetries?: number;
  /** The longest wait the client accepts, ms; a longer `Retry-After` returns the 429 as it is. Default 10 000. */
  readonly maxWaitMs?: number;
  /** Added to every `Retry-After` wait, ms (contract §6: "plus a small margin"); default 50. */
  readonly marginMs?: number;
}

export interface RetryLayerOptions extends RetryOn429Options {
  /** The server's now, epoch ms: an HTTP-date `Retry-After` is on the server's clock. */
  readonly serverNowMs: () => number;
  readonly sleep: Sleep;
  readonly signal?: AbortSignal;
}

/** Backoff when `Retry-After` is missing or invalid: 1 s, 2 s, 4 s … capped at `maxWaitMs`. */
export const fallbackBackoffMs = (attempt: number, maxWaitMs: number): number => Math.min(maxWaitMs, 1000 * 2 ** (attempt - 1));

/** How long to wait before retrying `exchange` (a 429), or undefined to give up. */
export function retryDelayMs(exchange: Exchange, { maxWaitMs = 10_000, marginMs = 50, serverNowMs }: RetryLayerOptions): number | undefined {
  const header = exchange.response?.headers['retry-after'];
  const waitMs = header === undefined ? undefined : parseRetryAfter(header, serverNowMs());
  if (waitMs === undefined) return fallbackBackoffMs(exchange.attempt, maxWaitMs);
  return waitMs > maxWaitMs ? undefined : waitMs + marginMs;
}

/**
 * Retries a request answered with 429 unless it opted out (`retryOn429:
 * false`): waits `Retry-After` plus a margin (or a bounded backoff when the
 * header is missing or invalid), at most `maxRetries` times, and returns the
 * last exchange. Every 429 has been recorded by the inner layers as its own
 * exchange (`attempt` 1, 2, …), so checks still see it.
 */
export function withRetryOn429<R extends { readonly attempt: number; readonly retryOn429: boolean }>(
  next: Dispatch<R>,
  options: RetryLayerOptions,
): Dispatch<R> {
  const { maxRetries = 3, sleep, signal } = options;
  return async (request) => {
    let exchange = await next({ ...request, attempt: 1 });
    for (let attempt = 2; request.retryOn429 && exchange.response?.status === 429 && attempt <= maxRetries + 1; attempt++) {
      const waitMs = retryDelayMs(exchange, options);
      if (waitMs === undefined) break;
      await pause(sleep, waitMs, signal);
      exchange = await next({ ...request, attempt });
    }
    return exchange;
  };
}
