import type { ScenarioCheck } from '../check.js';
import { declaredLimit, describeLimit, letBucketRefill } from '../rate-limit/declared-limit.js';
import { expectThrottled } from '../rate-limit/expect-throttled.js';
import { completedAtMs, isThrottled } from '../rate-limit/offer-at-rate.js';
import { allowance, offerTwiceTheLimit } from '../rate-limit/offer-twice-the-limit.js';
import { skip, violation } from '../violation.js';

/**
 * Contract §6: at twice the declared limit a 429 comes (the harness allows it
 * anywhere up to 2×), in the error envelope with `too_many_requests` and a
 * `Retry-After` of either form. Without a 429, the check fails only when the
 * target accepted more than any limiter keeping the declared limit could
 * have (measured from the first send to the last answer), so a slow harness
 * is never taken for a missing limit.
 */
export const rateLimitEnforced: ScenarioCheck = {
  kind: 'scenario',
  id: 'rate-limit-enforced',
  section: '§6',
  statement: 'at twice the declared rate limit a 429 comes, in the error envelope with a valid Retry-After (delay-seconds or HTTP-date)',
  tags: ['rate-limit', 'slow'],
  requires: { declaredRateLimit: true },
  async run(context) {
    const limit = declaredLimit(context);
    await letBucketRefill(context, limit);
    const offered = await offerTwiceTheLimit(context, limit);
    const rate = 2 * limit.requestsPerSecond;
    const throttled = offered.exchanges.filter(isThrottled);
    for (const exchange of throttled) expectThrottled(context, exchange, `a 429 at ${rate} req/s (twice the declared ${describeLimit(limit)})`);
    if (throttled.length > 0) return;

    const answered = offered.exchanges.filter((exchange) => exchange.response !== undefined);
    const seconds = (Math.max(...offered.exchanges.map(completedAtMs)) - offered.startedMs) / 1000;
    const most = Math.floor(allowance(limit, seconds));
    if (answered.length <= most) {
      throw skip(`inconclusive: the harness sent ${offered.exchanges.length} requests in ${seconds.toFixed(2)} s, no more than the declared ${describeLimit(limit)} allows (${most}); it could not offer twice the limit`);
    }
    throw violation(
      `the rate limit is not enforced (contract §6: a 429 by 2 × the declared limit): ${answered.length} requests sent at ${rate} req/s were all accepted in ${seconds.toFixed(2)} s, more than ${describeLimit(limit)} allows (${most}), and none got 429`,
      {
        expected: `a 429 by ${rate} req/s (2 × ${limit.requestsPerSecond})`,
        actual: `${answered.length} answers in ${seconds.toFixed(2)} s, no 429`,
        exchanges: [answered.at(-1)],
      },
    );
  },
};
