/** The declared rate limit as the §6 checks use it (contract §6: limit and burst are profile values). */
import { pause, realSleep } from '../../http/sleep.js';
import type { CheckContext } from '../check-context.js';
import { skip } from '../violation.js';

export interface DeclaredLimit {
  /** Sustained requests per second per API key. */
  readonly requestsPerSecond: number;
  /** Requests that may arrive at once; when not declared, one second's worth (a fixed one-second window). */
  readonly burst: number;
}

/** The run's declared limit; a skip when none is declared (the check's `requires` normally sees to that). */
export function declaredLimit(context: CheckContext): DeclaredLimit {
  const declared = context.declaredRateLimit;
  if (!declared) throw skip('needs a declared rate limit: pass --rate-limit R/s (or set profile.rateLimit in the config)');
  const burst = declared.burst ?? Math.max(1, declared.requestsPerSecond);
  return { requestsPerSecond: declared.requestsPerSecond, burst };
}

/** Margin added to computed waits, ms: timers fire late, never early enough to matter. */
export const waitMarginMs = 100;

/** Milliseconds for an emptied bucket to fill again (burst / rate), plus the margin. */
export const refillMs = (limit: DeclaredLimit): number => Math.ceil((1000 * limit.burst) / limit.requestsPerSecond) + waitMarginMs;

/** Waits until the bucket emptied by earlier checks is full again, so a check starts from a known state. */
export const letBucketRefill = (context: CheckContext, limit: DeclaredLimit): Promise<void> => pause(realSleep, refillMs(limit), context.signal);

/** `limit` in words, for messages: `1000 req/s, burst 100`. */
export const describeLimit = (limit: DeclaredLimit): string => `${limit.requestsPerSecond} req/s, burst ${limit.burst}`;
