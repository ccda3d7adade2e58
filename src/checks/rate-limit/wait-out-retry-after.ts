/** Waiting out a 429, contract §6: "waiting Retry-After (+ a small margin) MUST be enough". */
import { pause, realSleep } from '../../http/sleep.js';
import type { CheckContext } from '../check-context.js';
import { skip } from '../violation.js';
import { waitMarginMs } from './declared-limit.js';
import type { RetryAfter } from './expect-throttled.js';

/** The longest Retry-After a check waits out, ms; a longer one skips the check. */
export const maxRetryAfterWaitMs = 65_000;

/** The margin after Retry-After, ms: 100 ms, and a second more for an HTTP-date (whole seconds, read on a clock learned to about a second). */
export const marginFor = (retryAfter: RetryAfter): number => waitMarginMs + (retryAfter.form === 'HTTP-date' ? 1000 : 0);

/** Local epoch ms when the wait for `retryAfter` (margin included) is over. */
export const waitOverAtMs = (retryAfter: RetryAfter): number => retryAfter.retryAtMs + marginFor(retryAfter);

/** Waits until `retryAfter` plus its margin has passed; skips the check when that is over `maxRetryAfterWaitMs` away. */
export async function waitOutRetryAfter(context: CheckContext, retryAfter: RetryAfter): Promise<void> {
  const waitMs = waitOverAtMs(retryAfter) - Date.now();
  if (waitMs > maxRetryAfterWaitMs) {
    throw skip(`Retry-After: ${retryAfter.value} asks for ${Math.round(waitMs / 1000)} s, longer than the ${maxRetryAfterWaitMs / 1000} s a check waits`);
  }
  if (waitMs > 0) await pause(realSleep, waitMs, context.signal);
}
