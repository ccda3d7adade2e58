/** Offering twice the declared limit, contract §6: "the first 429 anywhere up to 2 × the declared limit". */
import type { CheckContext } from '../check-context.js';
import type { DeclaredLimit } from './declared-limit.js';
import { isThrottled, offerAtRate, type Offered } from './offer-at-rate.js';
import { rateLimitTraffic } from './rate-limit-traffic.js';

/** How long twice the rate is offered at most: max(2 s, 2 · burst / rate + 1 s). */
export const doubleRateHorizonMs = (limit: DeclaredLimit): number => Math.max(2000, (2000 * limit.burst) / limit.requestsPerSecond + 1000);

/** Offers twice the declared rate on a fixed timetable until the first 429 or the horizon. */
export function offerTwiceTheLimit(context: CheckContext, limit: DeclaredLimit): Promise<Offered> {
  const rate = 2 * limit.requestsPerSecond;
  const durationMs = doubleRateHorizonMs(limit);
  return offerAtRate(context, {
    requestsPerSecond: rate,
    durationMs,
    maxRequests: Math.ceil((rate * durationMs) / 1000) + 1,
    request: rateLimitTraffic(context),
    stopWhen: isThrottled,
  });
}

/**
 * The most requests any limiter keeping `limit` may accept in `seconds`: a
 * token bucket b + r·t, a fixed or sliding one-second window r·(t + 1).
 */
export const allowance = (limit: DeclaredLimit, seconds: number): number =>
  Math.max(limit.burst, limit.requestsPerSecond) + limit.requestsPerSecond * seconds;

