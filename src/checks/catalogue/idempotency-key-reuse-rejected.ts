import { validUser, type UserBody } from '../../fixtures/index.js';
import type { PropertyCheck } from '../check.js';
import { safeTodayForValidData } from '../check-dates.js';
import { expectCreated, expectEnvelope, outcome } from '../expect.js';
import { expectStoredResult } from '../idempotency/expect-stored-result.js';
import { freshIdempotencyKey } from '../idempotency/fresh-idempotency-key.js';
import { replayTimestamp } from '../idempotency/replay-timestamp.js';
import { violation } from '../violation.js';

/**
 * Contract §4: the same key with another body gets the profile's mismatch
 * status (422, or 400/409 by profile) in the error envelope; no user is
 * created for the other body (409 oracle: its externalId is still free) and
 * the stored result is unchanged (the original body replays the original
 * userId).
 */
export const idempotencyKeyReuseRejected: PropertyCheck<[UserBody, UserBody]> = {
  kind: 'property',
  id: 'idempotency-key-reuse-rejected',
  section: '§4',
  statement: 'the same Idempotency-Key with another body gets the mismatch status (422 by default), creates no user and leaves the stored result unchanged',
  tags: ['idempotency', 'negative', 'side-effects'],
  maxRuns: 25,
  arbitraries: (context) => {
    const user = validUser({ today: safeTodayForValidData(context), profile: context.profile });
    return [user, user];
  },
  async predicate(context, firstUser, otherUser) {
    const header = context.profile.headers.idempotencyKey;
    const mismatchStatus = context.profile.idempotency.mismatchStatus;
    const key = freshIdempotencyKey();
    const original = JSON.stringify({ ...firstUser, externalId: context.uniqueExternalId() });
    const otherExternalId = context.uniqueExternalId();
    const other = { ...otherUser, externalId: otherExternalId };

    const first = await context.client.send({ body: original, idempotencyKey: key });
    const userId = expectCreated(first, JSON.parse(original).externalId, `a valid user with a new ${header}`);

    const reused = await context.client.send({ json: other, idempotencyKey: key });
    expectEnvelope(reused, mismatchStatus, `the same ${header} with another body (contract §4: ${mismatchStatus} for a key reused with a different request body)`);

    const oracle = await context.client.send({ json: other, idempotencyKey: freshIdempotencyKey() });
    if (oracle.response?.status === 409) {
      throw violation(`a request refused for reusing an ${header} must create no user (contract §4, §2): creating its externalId ${otherExternalId} afterwards with a new key got 409, so the refused request created it`, {
        expected: `201: externalId ${otherExternalId} still free`,
        actual: outcome(oracle),
        exchanges: [reused, oracle],
      });
    }
    expectCreated(oracle, otherExternalId, `the refused body sent again with a new ${header}`);

    const replay = await context.client.send({ body: original, idempotencyKey: key, sign: { timestamp: replayTimestamp(context, first) } });
    const what = `the original body replayed with its ${header} after the key was refused for another body (contract §4: the stored result unchanged)`;
    expectStoredResult(first, replay, what);
    const replayedUserId = (replay.response?.json as { userId?: unknown } | undefined)?.userId;
    if (replayedUserId !== userId) {
      throw violation(`${what}: expected userId ${userId}, got ${JSON.stringify(replayedUserId)}`, { expected: `userId ${userId}`, actual: String(replayedUserId), exchanges: [first, replay] });
    }
  },
};
