/** Reading `Retry-After` from an observed 429, contract §6. */
import { parseRetryAfter } from '../../contract/parse-retry-after.js';
import type { ObservedResponse } from '../scenario-definition.js';

/**
 * Seconds the response asks the client to wait (delay-seconds, or an
 * HTTP-date measured from the response's `Date` header when present, else
 * from when it arrived); undefined when absent or not understood.
 */
export function retryAfterSeconds(response: ObservedResponse): number | undefined {
  const value = response.headers['retry-after'];
  if (value === undefined) return undefined;
  const serverDate = response.headers.date !== undefined ? Date.parse(response.headers.date) : Number.NaN;
  const ms = parseRetryAfter(value, Number.isFinite(serverDate) ? serverDate : response.receivedAtMs);
  return ms === undefined ? undefined : ms / 1000;
}
