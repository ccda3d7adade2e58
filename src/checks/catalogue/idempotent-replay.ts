import { validIdempotencyKey, validUser, type UserBody } from '../../fixtures/index.js';
import type { PropertyCheck } from '../check.js';
import { safeTodayForValidData } from '../check-dates.js';
import { expectCreated } from '../expect.js';
import { expectStoredResult } from '../idempotency/expect-stored-result.js';
import { freshIdempotencyKey } from '../idempotency/fresh-idempotency-key.js';
import { replayTimestamp } from '../idempotency/replay-timestamp.js';
import { violation } from '../violation.js';

/**
 * Contract §4: the same key and the same body, replayed with a fresh
 * timestamp and signature after the first request completed, gets the stored
 * result: the same status, the same body ignoring requestId, the same userId,
 * and no new user (a request processed again would meet its own externalId:
 * 409). `Idempotent-Replayed: true` is allowed, not required.
 */
export const idempotentReplay: PropertyCheck<[UserBody, string]> = {
  kind: 'property',
  id: 'idempotent-replay',
  section: '§4',
  statement: 'a request replayed with the same Idempotency-Key and body, freshly signed, gets the stored 201: same status, body and userId, and no second user',
  tags: ['idempotency', 'replay'],
  maxRuns: 50,
  arbitraries: (context) => [validUser({ today: safeTodayForValidData(context), profile: context.profile }), validIdempotencyKey()],
  async predicate(context, user, keyShape) {
    const header = context.profile.headers.idempotencyKey;
    const body = { ...user, externalId: context.uniqueExternalId() };
    const bytes = JSON.stringify(body);
    const key = freshIdempotencyKey(keyShape);
    const first = await context.client.send({ body: bytes, idempotencyKey: key });
    const userId = expectCreated(first, body.externalId, `a valid user with a new ${header}`);
    const replay = await context.client.send({ body: bytes, idempotencyKey: key, sign: { timestamp: replayTimestamp(context, first) } });
    const what = `a replay with the same ${header} and the same body, freshly signed`;
    const replayedUserId = (replay.response?.json as { userId?: unknown } | undefined)?.userId;
    if (replay.response?.status === 201 && replayedUserId !== userId) {
      throw violation(`${what} must return the same userId (contract §4): first ${userId}, replay ${JSON.stringify(replayedUserId)}`, {
        expected: `userId ${userId}`,
        actual: `userId ${JSON.stringify(replayedUserId)}`,
        exchanges: [first, replay],
      });
    }
    expectStoredResult(first, replay, what);
  },
};
