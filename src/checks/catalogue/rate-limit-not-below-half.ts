import type { ScenarioCheck } from '../check.js';
import { outcome } from '../expect.js';
import { declaredLimit, describeLimit, letBucketRefill } from '../rate-limit/declared-limit.js';
import { completedAtMs, isThrottled, offerAtRate } from '../rate-limit/offer-at-rate.js';
import { rateLimitTraffic } from '../rate-limit/rate-limit-traffic.js';
import { surelyWithinLimit } from '../rate-limit/surely-within-limit.js';
import { skip, violation } from '../violation.js';

/**
 * How long half the rate is offered: long enough that the sustained rate, not
 * only the burst, is tested (a limiter at a third of the declared rate runs
 * dry after 6 · burst / rate seconds), at least 1 s, at most 10 s.
 */
export const halfRateDurationMs = (requestsPerSecond: number, burst: number): number =>
  Math.min(10_000, Math.max(1000, (6000 * burst) / requestsPerSecond));

/**
 * Contract §6: "the harness expects no 429 at half of [the declared limit]".
 * After the bucket refilled, requests go on a fixed timetable at half the
 * declared rate (overdue slots go at most a quarter burst at once) for long
 * enough to exceed the burst: none may get 429. A 429 is reported only when
 * the send and answer times prove the target received no more than the
 * declared limit allows (surely-within-limit.ts); otherwise the check is
 * skipped as inconclusive.
 */
export const rateLimitNotBelowHalf: ScenarioCheck = {
  kind: 'scenario',
  id: 'rate-limit-not-below-half',
  section: '§6',
  statement: 'requests at half the declared rate limit, for longer than the burst lasts, never get 429',
  tags: ['rate-limit', 'slow'],
  requires: { declaredRateLimit: true },
  async run(context) {
    const limit = declaredLimit(context);
    await letBucketRefill(context, limit);
    const rate = limit.requestsPerSecond / 2;
    const durationMs = halfRateDurationMs(limit.requestsPerSecond, limit.burst);
    const maxLagSlots = Math.max(1, Math.floor(limit.burst / 4));
    const offered = await offerAtRate(context, {
      requestsPerSecond: rate,
      durationMs,
      maxRequests: Math.ceil((rate * durationMs) / 1000) + 1,
      request: rateLimitTraffic(context),
      stopWhen: isThrottled,
      maxLagSlots,
    });
    const index = offered.exchanges.findIndex(isThrottled);
    if (index < 0) return;
    const throttled = offered.exchanges[index]!;
    if (!surelyWithinLimit(offered.exchanges, index, limit)) {
      throw skip(`inconclusive: request ${index + 1} at ${rate} req/s got 429, but its answers were slow enough (up to ${Math.round(Math.max(...offered.exchanges.map((e) => e.durationMs)))} ms) that the target may have received more than the declared ${describeLimit(limit)} allows`);
    }
    const seconds = ((completedAtMs(throttled) - offered.startedMs) / 1000).toFixed(2);
    throw violation(
      `the rate limit throttled at half the declared limit (contract §6: no 429 at half of it): request ${index + 1}, sent at ${rate} req/s ${seconds} s after the bucket had refilled, got ${outcome(throttled)}`,
      {
        expected: `no 429 at ${rate} req/s (declared ${describeLimit(limit)})`,
        actual: `429 after ${index + 1} requests in ${seconds} s`,
        exchanges: [throttled],
      },
    );
  },
};
