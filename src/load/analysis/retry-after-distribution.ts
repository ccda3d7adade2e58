/** The `Retry-After` values a target sent on its 429s (contract §6). */
import { parseRetryAfter } from '../../contract/parse-retry-after.js';
import type { RateLimitAnalysis } from '../load-summary.js';
import type { ResponseObservation } from '../response-observation.js';

/**
 * Counts the 429s by their `Retry-After` in whole seconds (the key): a
 * delay-seconds value as sent; an HTTP-date as the time from the response's
 * arrival (`receivedAtMs`) to that date, rounded up to the next whole second
 * (a client must not retry before it). A 429 without the header, or with a
 * value that is neither form, counts in `retryAfterMissing`.
 */
export function retryAfterDistribution(observations: readonly ResponseObservation[]): Pick<RateLimitAnalysis, 'retryAfterSeconds' | 'retryAfterMissing'> {
  const retryAfterSeconds: Record<string, number> = {};
  let retryAfterMissing = 0;
  for (const o of observations) {
    if (o.status !== 429) continue;
    const waitMs = o.retryAfter === undefined ? undefined : parseRetryAfter(o.retryAfter, o.receivedAtMs);
    if (waitMs === undefined) {
      retryAfterMissing++;
      continue;
    }
    const key = String(Math.ceil(waitMs / 1000));
    retryAfterSeconds[key] = (retryAfterSeconds[key] ?? 0) + 1;
  }
  const sorted = Object.entries(retryAfterSeconds).sort(([a], [b]) => Number(a) - Number(b));
  return { retryAfterSeconds: Object.fromEntries(sorted), retryAfterMissing };
}
