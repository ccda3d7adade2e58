/** Getting 429s on purpose, contract §6: a volley that empties the bucket at once. */
import type { Exchange } from '../../http/exchange.js';
import type { CheckContext } from '../check-context.js';
import type { DeclaredLimit } from './declared-limit.js';
import { isThrottled, sendVolley } from './offer-at-rate.js';
import { offerTwiceTheLimit } from './offer-twice-the-limit.js';
import { rateLimitTraffic } from './rate-limit-traffic.js';

/** Requests in a volley: the burst and half as many again, so that some find the bucket empty. */
export const volleySize = (limit: DeclaredLimit): number => Math.ceil(limit.burst * 1.5) + 2;

/**
 * Sends a volley of rate-limit traffic at once: arriving together, the last
 * requests find the bucket just emptied, so their 429s name the longest wait
 * a single token takes. When the volley draws no 429 (the target answers
 * slower than its limit refills, or its burst is bigger than declared),
 * twice the limit is offered until one comes. Resolves with every exchange.
 */
export async function provokeThrottling(context: CheckContext, limit: DeclaredLimit): Promise<Exchange[]> {
  const traffic = rateLimitTraffic(context);
  const volley = await sendVolley(context, Array.from({ length: volleySize(limit) }, (_, slot) => traffic(slot)));
  if (volley.some(isThrottled)) return volley;
  const offered = await offerTwiceTheLimit(context, limit);
  return [...volley, ...offered.exchanges];
}
