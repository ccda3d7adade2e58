import fc from 'fast-check';
import { invalidField, validUser, type InvalidField, type UserBody } from '../../fixtures/index.js';
import type { Exchange } from '../../http/exchange.js';
import type { PropertyCheck } from '../check.js';
import type { CheckContext } from '../check-context.js';
import { clearMinor, safeTodayForInvalidData, safeTodayForValidData } from '../check-dates.js';
import { expectCreated, expectEnvelope, expectStatus, outcome } from '../expect.js';
import { expectStoredResult } from '../idempotency/expect-stored-result.js';
import { freshIdempotencyKey } from '../idempotency/fresh-idempotency-key.js';
import { replayTimestamp } from '../idempotency/replay-timestamp.js';
import { violation } from '../violation.js';

/** What the key is first used on, and the valid body that tries it afterwards. */
export type FirstOutcome =
  | { readonly first: '409 duplicate externalId'; readonly existing: UserBody; readonly duplicate: UserBody; readonly other: UserBody }
  | { readonly first: '422 under age'; readonly minor: UserBody; readonly other: UserBody }
  | { readonly first: '400 invalid body'; readonly invalid: InvalidField; readonly other: UserBody }
  | { readonly first: '401 wrong signature'; readonly user: UserBody };

function firstOutcome(context: CheckContext): fc.Arbitrary<FirstOutcome> {
  const profile = context.profile;
  const today = safeTodayForValidData(context);
  const user = validUser({ today, profile });
  return fc.oneof(
    fc.record({ first: fc.constant('409 duplicate externalId' as const), existing: user, duplicate: user, other: user }),
    fc.record({ first: fc.constant('422 under age' as const), minor: clearMinor(context), other: user }),
    fc.record({ first: fc.constant('400 invalid body' as const), invalid: invalidField({ today: safeTodayForInvalidData(context), profile }), other: user }),
    fc.record({ first: fc.constant('401 wrong signature' as const), user }),
  );
}

/** A stored outcome: its replay returns it, and another body under the key gets the mismatch status. */
async function expectStored(context: CheckContext, first: Exchange, key: string, bytes: string, other: UserBody): Promise<void> {
  const header = context.profile.headers.idempotencyKey;
  const stored = outcome(first);
  const replay = await context.client.send({ body: bytes, idempotencyKey: key, sign: { timestamp: replayTimestamp(context, first) } });
  expectStoredResult(first, replay, `a replay of a ${stored} with the same ${header} and body (contract §4: 201, 409 and 422 are stored)`);
  const mismatchStatus = context.profile.idempotency.mismatchStatus;
  const reused = await context.client.send({ json: { ...other, externalId: context.uniqueExternalId() }, idempotencyKey: key });
  if (reused.response?.status === 201) {
    throw violation(`a ${stored} must be stored under its ${header} (contract §4: stored outcomes are 201, 409 and 422), but the key was still free: another valid body with it got 201`, {
      expected: `${mismatchStatus}: the key is used`,
      actual: outcome(reused),
      exchanges: [first, reused],
    });
  }
  expectEnvelope(reused, mismatchStatus, `another body with the ${header} of a stored ${stored} (contract §4: the key is used)`);
}

/** A result that is not stored: the same key with a valid body afterwards is a fresh first request (201). */
async function expectNotStored(context: CheckContext, first: Exchange, key: string, body: UserBody): Promise<void> {
  const header = context.profile.headers.idempotencyKey;
  const retry = await context.client.send({ json: body, idempotencyKey: key });
  if (retry.response?.status !== 201) {
    throw violation(`a ${outcome(first)} must not be stored under its ${header} (contract §4: 400, 401, 429 and 500 are not stored; retrying with the same key is a fresh first request), but a valid body with the key afterwards got ${outcome(retry)}`, {
      expected: '201: a fresh first request',
      actual: outcome(retry),
      exchanges: [first, retry],
    });
  }
  expectCreated(retry, body.externalId, `a valid body with the ${header} of an earlier ${outcome(first)}`);
}

/**
 * Contract §4: stored outcomes are 201, 409 and 422 (age): replaying one with
 * the same key and body returns it, and another body with the key gets the
 * mismatch status. Not stored are 400 and 401: the same key with a valid body
 * afterwards gets 201, a fresh first request.
 */
export const idempotencyStoredOutcomes: PropertyCheck<[FirstOutcome]> = {
  kind: 'property',
  id: 'idempotency-stored-outcomes',
  section: '§4',
  statement: 'an Idempotency-Key stores a 409 and a 422 (replayed as they were, another body refused), but not a 400 or a 401 (the key stays free)',
  tags: ['idempotency', 'negative'],
  maxRuns: 40,
  arbitraries: (context) => [firstOutcome(context)],
  async predicate(context, scenario) {
    const header = context.profile.headers.idempotencyKey;
    const key = freshIdempotencyKey();
    switch (scenario.first) {
      case '409 duplicate externalId': {
        const externalId = context.uniqueExternalId();
        const existing = await context.client.send({ json: { ...scenario.existing, externalId } });
        expectCreated(existing, externalId, 'a valid user (to make its externalId a duplicate)');
        const bytes = JSON.stringify({ ...scenario.duplicate, externalId });
        const first = await context.client.send({ body: bytes, idempotencyKey: key });
        expectEnvelope(first, 409, `a duplicate externalId with a new ${header}`);
        return expectStored(context, first, key, bytes, scenario.other);
      }
      case '422 under age': {
        const bytes = JSON.stringify({ ...scenario.minor, externalId: context.uniqueExternalId() });
        const first = await context.client.send({ body: bytes, idempotencyKey: key });
        expectEnvelope(first, 422, `a user under age with a new ${header}`);
        return expectStored(context, first, key, bytes, scenario.other);
      }
      case '400 invalid body': {
        const { body, field } = scenario.invalid;
        const invalid = field === 'externalId' ? body : { ...body, externalId: context.uniqueExternalId() };
        const first = await context.client.send({ json: invalid, idempotencyKey: key });
        expectStatus(first, 400, `a body with an invalid ${field} and a new ${header}`);
        return expectNotStored(context, first, key, { ...scenario.other, externalId: context.uniqueExternalId() });
      }
      case '401 wrong signature': {
        const body = { ...scenario.user, externalId: context.uniqueExternalId() };
        const wrongSecret = { apiKey: context.partners.primary.apiKey, secret: `${context.partners.primary.secret}-wrong` };
        const first = await context.client.send({ json: body, idempotencyKey: key, sign: { credentials: wrongSecret } });
        expectStatus(first, 401, `a request signed with the wrong secret and a new ${header}`);
        return expectNotStored(context, first, key, body);
      }
    }
  },
};
