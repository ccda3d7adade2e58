import type { Exchange } from '../../http/exchange.js';
import type { ScenarioCheck } from '../check.js';
import { outcome } from '../expect.js';
import { declaredLimit, describeLimit, letBucketRefill, type DeclaredLimit } from '../rate-limit/declared-limit.js';
import { completedAtMs, isThrottled } from '../rate-limit/offer-at-rate.js';
import { offerTwiceTheLimit } from '../rate-limit/offer-twice-the-limit.js';
import { readRateLimitHeaders, type RateLimitReading } from '../rate-limit/rate-limit-headers.js';
import { rateLimitTraffic } from '../rate-limit/rate-limit-traffic.js';
import { violation } from '../violation.js';

interface Read {
  readonly exchange: Exchange;
  readonly reading: RateLimitReading;
}

const incoherent = (rule: string, read: Read, expected: string, exchanges: readonly Exchange[] = [read.exchange]) =>
  violation(`the rate-limit headers are not coherent with what happens (contract §6: when present they must be): ${rule}\n${read.reading.text}`, {
    expected,
    actual: `${outcome(read.exchange)} with ${read.reading.text.replaceAll('\n', '; ')}`,
    exchanges,
  });

/** Remaining never below zero nor above a quota the same response states; a policy no looser and no much stricter than declared. */
function checkEachResponse(read: Read, limit: DeclaredLimit): void {
  const { remaining, policies } = read.reading;
  if (remaining !== undefined && remaining < 0) throw incoherent(`remaining is ${remaining}, below zero`, read, 'remaining ≥ 0');
  const largestQuota = Math.max(...policies.map((policy) => policy.quota));
  if (remaining !== undefined && policies.length > 0 && remaining > largestQuota) {
    throw incoherent(`remaining ${remaining} exceeds the quota ${largestQuota} the same response states`, read, `remaining ≤ ${largestQuota}`);
  }
  for (const { quota, windowSeconds } of policies) {
    if (windowSeconds === undefined || windowSeconds <= 0) continue;
    const most = limit.burst + limit.requestsPerSecond * windowSeconds;
    const least = Math.min(limit.burst, limit.requestsPerSecond * windowSeconds);
    if (quota > most * 1.25 + 1) {
      throw incoherent(`the policy allows ${quota} requests per ${windowSeconds} s, more than the declared ${describeLimit(limit)} allows (${most})`, read, `a quota of at most ${most} per ${windowSeconds} s`);
    }
    if (quota * 1.25 + 1 < least) {
      throw incoherent(`the policy allows only ${quota} requests per ${windowSeconds} s, far below the declared ${describeLimit(limit)} (${least})`, read, `a quota of about ${least} per ${windowSeconds} s or more`);
    }
  }
}

/**
 * While consecutive answers (before any 429) state the quota exhausted
 * (remaining ≤ tolerance), no more requests may get through than the
 * declared rate refills in that time, plus the tolerance: a limiter whose
 * headers say "none left" yet keeps accepting is not doing what they say.
 * (A fixed window resets remaining to its quota, ending the run; a bucket
 * passes at most its refill.)
 */
function checkExhaustedRuns(reads: readonly Read[], limit: DeclaredLimit, tolerance: number): void {
  let run: Read[] = [];
  const judge = () => {
    if (run.length === 0) return;
    const first = Math.min(...run.map((read) => read.exchange.sentAtMs));
    const last = Math.max(...run.map((read) => completedAtMs(read.exchange)));
    const seconds = (last - first) / 1000;
    // The first answer of the run said at most `tolerance` left after taking a token: fewer than tolerance + 2 before it.
    const most = tolerance + 2 + limit.requestsPerSecond * seconds;
    if (run.length > most) {
      throw incoherent(
        `${run.length} requests in a row were accepted in ${seconds.toFixed(2)} s while remaining said ${tolerance} or fewer were left; the declared ${describeLimit(limit)} refills only ${Math.floor(most)} in that time`,
        run.at(-1)!,
        `at most ${Math.floor(most)} accepted while remaining stays at 0 (± ${tolerance}), then 429`,
        [run[0]!.exchange, run.at(-1)!.exchange],
      );
    }
    run = [];
  };
  for (const read of reads) {
    if (read.reading.remaining! <= tolerance && !isThrottled(read.exchange)) run.push(read);
    else judge();
  }
  judge();
}

/**
 * Contract §6: `RateLimit`/`RateLimit-Policy` (IETF draft, any revision) and
 * `X-RateLimit-*` headers are optional, but when present they must be
 * coherent with what happens. At twice the declared rate until the first
 * 429: remaining is never negative nor above the stated quota; it has come
 * down to (about) zero by the time the 429 comes, and the 429 states (about)
 * zero; while it says (about) zero, no more get through than the declared
 * rate refills; a stated policy is consistent with the declared limit within 25 %.
 * Tolerance: 3 or a tenth of the largest remaining seen, for requests that
 * overlap. A target without these headers passes.
 */
export const rateLimitHeadersCoherent: ScenarioCheck = {
  kind: 'scenario',
  id: 'rate-limit-headers-coherent',
  section: '§6',
  statement: 'RateLimit / RateLimit-Policy / X-RateLimit-* headers, when sent, are coherent: remaining counts down to zero before the 429, never below zero, and the policy matches the declared limit',
  tags: ['rate-limit', 'headers', 'slow'],
  requires: { declaredRateLimit: true },
  async run(context) {
    const limit = declaredLimit(context);
    await letBucketRefill(context, limit);
    const probe = await context.client.send({ ...rateLimitTraffic(context)(0), pace: false, retryOn429: false });
    if (!probe.response || !readRateLimitHeaders(probe.response.headers)) return;

    const offered = await offerTwiceTheLimit(context, limit);
    const reads: Read[] = [probe, ...offered.exchanges].flatMap((exchange) => {
      const reading = exchange.response && readRateLimitHeaders(exchange.response.headers);
      return reading ? [{ exchange, reading }] : [];
    });
    for (const read of reads) checkEachResponse(read, limit);

    const firstThrottled = reads.findIndex((read) => isThrottled(read.exchange));
    const before = (firstThrottled < 0 ? reads : reads.slice(0, firstThrottled)).filter((read) => read.reading.remaining !== undefined);
    const tolerance = Math.max(3, Math.ceil(0.1 * Math.max(0, ...before.map((read) => read.reading.remaining!))));
    checkExhaustedRuns(before, limit, tolerance);
    if (firstThrottled < 0) return;
    const throttled = reads[firstThrottled]!;
    if (before.length > 0) {
      const lowest = before.reduce((a, b) => (b.reading.remaining! < a.reading.remaining! ? b : a));
      if (lowest.reading.remaining! > tolerance) {
        throw incoherent(
          `a 429 came although remaining never went below ${lowest.reading.remaining} (a 429 comes when remaining has reached 0)`,
          throttled,
          `remaining down to 0 (± ${tolerance}) before the first 429`,
          [lowest.exchange, throttled.exchange],
        );
      }
    }
    const stated = throttled.reading.remaining;
    if (stated !== undefined && stated > tolerance) {
      throw incoherent(`the 429 states ${stated} requests remaining`, throttled, `remaining 0 (± ${tolerance}) on a 429`);
    }
  },
};
