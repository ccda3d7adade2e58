import type { ScenarioCheck } from '../check.js';
import { outcome } from '../expect.js';
import { declaredLimit, describeLimit, letBucketRefill } from '../rate-limit/declared-limit.js';
import { expectThrottled } from '../rate-limit/expect-throttled.js';
import { isThrottled } from '../rate-limit/offer-at-rate.js';
import { provokeThrottling } from '../rate-limit/provoke-throttling.js';
import { rateLimitTraffic } from '../rate-limit/rate-limit-traffic.js';
import { marginFor, waitOutRetryAfter, waitOverAtMs } from '../rate-limit/wait-out-retry-after.js';
import { skip, violation } from '../violation.js';

/**
 * Contract §6: "waiting Retry-After (+ a small margin) MUST be enough for the
 * next request not to be throttled". A volley empties the bucket; the check
 * waits until the latest time any of its 429s named (plus 100 ms, or 1.1 s
 * for an HTTP-date), then sends one request: it must not get 429.
 */
export const retryAfterHonoured: ScenarioCheck = {
  kind: 'scenario',
  id: 'retry-after-honoured',
  section: '§6',
  statement: 'after a 429, waiting what Retry-After says (plus a small margin) is enough: the next request is not throttled',
  tags: ['rate-limit', 'slow'],
  requires: { declaredRateLimit: true },
  async run(context) {
    const limit = declaredLimit(context);
    await letBucketRefill(context, limit);
    const exchanges = await provokeThrottling(context, limit);
    const throttled = exchanges.filter(isThrottled);
    if (throttled.length === 0) throw skip(`no 429 to wait out: ${exchanges.length} requests beyond the declared ${describeLimit(limit)} were all accepted`);

    const named = throttled.map((exchange) => ({ exchange, retryAfter: expectThrottled(context, exchange, 'a 429') }));
    // The latest time any 429 named: requests of the volley still in flight may have taken tokens after the first 429.
    const latest = named.reduce((a, b) => (waitOverAtMs(b.retryAfter) > waitOverAtMs(a.retryAfter) ? b : a));
    await waitOutRetryAfter(context, latest.retryAfter);
    const next = await context.client.send({ ...rateLimitTraffic(context)(0), pace: false, retryOn429: false });
    if (isThrottled(next)) {
      throw violation(
        `waiting Retry-After was not enough (contract §6: waiting Retry-After, plus a small margin, MUST be enough for the next request not to be throttled): the 429 said Retry-After: ${latest.retryAfter.value}; ${marginFor(latest.retryAfter)} ms after that the next request got ${outcome(next)}`,
        {
          expected: `not 429 after Retry-After: ${latest.retryAfter.value} + ${marginFor(latest.retryAfter)} ms`,
          actual: outcome(next),
          exchanges: [latest.exchange, next],
        },
      );
    }
  },
};
