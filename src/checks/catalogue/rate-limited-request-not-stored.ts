import type { UserBody } from '../../fixtures/index.js';
import type { Exchange } from '../../http/exchange.js';
import type { ScenarioCheck } from '../check.js';
import { expectCreated, outcome } from '../expect.js';
import { freshIdempotencyKey } from '../idempotency/fresh-idempotency-key.js';
import { declaredLimit, describeLimit, letBucketRefill, type DeclaredLimit } from '../rate-limit/declared-limit.js';
import { expectThrottled } from '../rate-limit/expect-throttled.js';
import { isThrottled, sendVolley } from '../rate-limit/offer-at-rate.js';
import { provokeThrottling } from '../rate-limit/provoke-throttling.js';
import { rateLimitTraffic, sampleValidUser } from '../rate-limit/rate-limit-traffic.js';
import { waitOutRetryAfter } from '../rate-limit/wait-out-retry-after.js';
import { skip, violation } from '../violation.js';

/** At most this many requests with a key are sent, hoping one gets 429. */
const maxKeyed = 10;

interface Keyed {
  readonly body: UserBody;
  readonly key: string;
}

/**
 * Requests sent together ahead of each keyed one: twice what the bucket
 * refills while a volley is answered (the last one took `roundTripMs`), and
 * two more, so that they take every refilled token before the keyed one;
 * at most twice the burst (a longer volley takes longer to answer).
 */
const screenSize = (limit: DeclaredLimit, roundTripMs: number): number =>
  Math.min(2 * limit.burst, 2 + Math.ceil((2 * limit.requestsPerSecond * roundTripMs) / 1000));

/**
 * Contract §6 with §4: a 429 consumes no Idempotency-Key and creates no user.
 * Once the bucket is empty (a first 429), small volleys go at once, each a
 * few requests that take any refilled token and, last, one with a fresh key
 * and a fresh valid body, until such a keyed request gets 429. The check
 * waits out its Retry-After and sends the same key with another valid body:
 * a fresh first request, so 201 (not the mismatch status, not a replayed
 * 429). The throttled body's externalId is then still free (201, not 409).
 */
export const rateLimitedRequestNotStored: ScenarioCheck = {
  kind: 'scenario',
  id: 'rate-limited-request-not-stored',
  section: '§6',
  statement: 'a request throttled with 429 consumes no Idempotency-Key and creates no user: the key then works for another body and the externalId is still free',
  tags: ['rate-limit', 'idempotency', 'side-effects', 'slow'],
  requires: { declaredRateLimit: true },
  async run(context) {
    const header = context.profile.headers.idempotencyKey;
    const limit = declaredLimit(context);
    await letBucketRefill(context, limit);
    const emptying = await provokeThrottling(context, limit);
    if (!emptying.some(isThrottled)) throw skip(`no 429 came: ${emptying.length} requests beyond the declared ${describeLimit(limit)} were all accepted`);

    const traffic = rateLimitTraffic(context);
    let found: { keyed: Keyed; exchange: Exchange } | undefined;
    let roundTripMs = 5;
    for (let attempt = 0; attempt < maxKeyed && !found; attempt++) {
      const keyed = { body: sampleValidUser(context), key: freshIdempotencyKey() };
      const screen = Array.from({ length: screenSize(limit, roundTripMs) }, (_, slot) => traffic(slot));
      const startedMs = Date.now();
      const volley = await sendVolley(context, [...screen, { json: keyed.body, idempotencyKey: keyed.key }]);
      roundTripMs = Date.now() - startedMs;
      const exchange = volley.at(-1)!;
      if (isThrottled(exchange)) found = { keyed, exchange };
    }
    if (!found) throw skip(`none of ${maxKeyed} requests with an ${header}, each sent right behind others once the bucket was empty, got 429`);
    const { keyed: throttledRequest, exchange: throttled } = found;

    const retryAfter = expectThrottled(context, throttled, `a 429 to a request with an ${header}`);
    await waitOutRetryAfter(context, retryAfter);

    const key = throttledRequest.key;
    const other = sampleValidUser(context, 2);
    const retry = await context.client.send({ json: other, idempotencyKey: key });
    if (retry.response?.status !== 201) {
      throw violation(
        `a 429 must consume no ${header} (contract §4: 429 is not stored; retrying with the same key is a fresh first request): after waiting out Retry-After, the throttled key with another valid body got ${outcome(retry)}`,
        { expected: '201: a fresh first request', actual: outcome(retry), exchanges: [throttled, retry] },
      );
    }
    expectCreated(retry, other.externalId, `another valid body with the ${header} of a throttled request`);

    const throttledExternalId = throttledRequest.body.externalId;
    const oracle = await context.client.send({ json: throttledRequest.body, idempotencyKey: freshIdempotencyKey() });
    if (oracle.response?.status === 409) {
      throw violation(
        `a throttled request must create no user (contract §2: a rejected request (429) MUST create no user): creating its externalId ${throttledExternalId} afterwards got 409`,
        { expected: `201: externalId ${throttledExternalId} still free`, actual: outcome(oracle), exchanges: [throttled, oracle] },
      );
    }
    expectCreated(oracle, throttledExternalId, 'the throttled body sent again with a new key');
  },
};
