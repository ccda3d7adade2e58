import type { ScenarioCheck } from '../check.js';
import { pause, realSleep } from '../../http/sleep.js';
import { expectThrottled } from '../rate-limit/expect-throttled.js';
import { completedAtMs, isThrottled, offerAtRate } from '../rate-limit/offer-at-rate.js';
import { rateLimitTraffic } from '../rate-limit/rate-limit-traffic.js';
import { skip } from '../violation.js';

/** At most this many requests for the whole discovery. */
export const discoveryBudget = 2000;
/** The first offered rate, requests per second; each stage doubles it. */
const firstRate = 10;
/** Each stage offers its rate this long, ms, or for this many requests if that is sooner. */
const stageMs = 500;
const stageRequests = 200;
/** After the first 429, the rate is held this long (budget permitting) to measure what gets through, ms. */
const measureMs = 1000;

/** Two significant digits: an estimate, not a measurement. */
const roughly = (value: number): number => Number(value.toPrecision(2));

/**
 * Contract §6 without a declared limit (`--rate-limit auto`): offers 10,
 * 20, 40, … requests per second, half a second or 200 requests each, within
 * 2000 requests,
 * until the first 429; that 429 must be in the envelope with a valid
 * Retry-After. Holding the rate a second longer, the requests that still get
 * through estimate the sustained limit (a throttled bucket passes its refill
 * rate). The estimate is reported as the reason of a skip (the contract
 * rules on a declared limit, so there is nothing to pass); with a declared
 * limit the check is skipped at once.
 */
export const rateLimitDiscovery: ScenarioCheck = {
  kind: 'scenario',
  id: 'rate-limit-discovery',
  section: '§6',
  statement: 'without a declared rate limit, the limit is discovered within 2000 requests and its 429 carries the envelope and a valid Retry-After',
  tags: ['rate-limit', 'discovery', 'slow'],
  async run(context) {
    const declared = context.declaredRateLimit;
    if (declared) throw skip(`a rate limit is declared (${declared.requestsPerSecond}/s); run with --rate-limit auto to discover it`);
    // Earlier checks may have emptied the bucket: give it a second.
    await pause(realSleep, 1000, context.signal);
    const traffic = rateLimitTraffic(context);
    let sent = 0;
    let rate = firstRate;
    for (; sent < discoveryBudget; rate *= 2) {
      const stage = await offerAtRate(context, {
        requestsPerSecond: rate,
        durationMs: Math.min(stageMs, (1000 * stageRequests) / rate),
        maxRequests: Math.min(stageRequests, discoveryBudget - sent),
        request: traffic,
        stopWhen: isThrottled,
      });
      sent += stage.exchanges.length;
      const first = stage.exchanges.find(isThrottled);
      if (!first) continue;
      expectThrottled(context, first, `the first 429 at ${rate} req/s`);
      // At least 300 ms: a harness slower than the offered rate runs out of time before it runs out of budget.
      const holdMs = Math.max(300, Math.min(measureMs, ((discoveryBudget - sent) * 1000) / rate));
      if (discoveryBudget - sent < 50) throw skip(`first 429 at an offered ${rate} req/s after ${sent} requests; the budget of ${discoveryBudget} left too few requests to estimate the sustained limit`);
      const held = await offerAtRate(context, { requestsPerSecond: rate, durationMs: holdMs, maxRequests: discoveryBudget - sent, request: traffic });
      sent += held.exchanges.length;
      const passed = held.exchanges.filter((exchange) => exchange.response && !isThrottled(exchange)).length;
      const seconds = (Math.max(...held.exchanges.map(completedAtMs)) - held.startedMs) / 1000;
      const estimate = roughly(passed / seconds);
      throw skip(
        `rate limit discovered: about ${estimate} req/s per API key (the first 429 came at an offered ${rate} req/s; holding that rate, ${passed} of ${held.exchanges.length} requests got through in ${seconds.toFixed(2)} s; ${sent} requests in all). ` +
          `Its 429 carried the envelope and a valid Retry-After. Run with --rate-limit ${estimate}/s to check the limit itself.`,
      );
    }
    throw skip(`no 429 up to an offered ${rate / 2} req/s within ${sent} requests: the limit is higher, or not enforced per API key; declare it with --rate-limit R/s to check it`);
  },
};
