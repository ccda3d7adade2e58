import { validUser, type UserBody } from '../../fixtures/index.js';
import type { Exchange } from '../../http/exchange.js';
import type { PropertyCheck } from '../check.js';
import { safeTodayForValidData } from '../check-dates.js';
import { expectCreated, outcome, responded } from '../expect.js';
import { freshIdempotencyKey } from '../idempotency/fresh-idempotency-key.js';
import { violation } from '../violation.js';

/** Requests sent at once with one key. */
const concurrency = 10;

const userIdOf = (exchange: Exchange): unknown => (exchange.response?.json as { userId?: unknown } | undefined)?.userId;

/**
 * Contract §4: N concurrent requests with one key and one body create
 * exactly one user. Each answer is 201 with that one userId, or 409 (the key
 * in flight); at least one is the 201 of the request that ran; a later
 * replay returns that same userId. Sent unpaced so they overlap.
 */
export const idempotencyConcurrentSingleUser: PropertyCheck<[UserBody]> = {
  kind: 'property',
  id: 'idempotency-concurrent-single-user',
  section: '§4',
  statement: `${concurrency} concurrent requests with one Idempotency-Key create exactly one user: every 201 carries the same userId, the others get 409, and a later replay returns that userId`,
  tags: ['idempotency', 'concurrency'],
  maxRuns: 5,
  arbitraries: (context) => [validUser({ today: safeTodayForValidData(context), profile: context.profile })],
  async predicate(context, user) {
    const header = context.profile.headers.idempotencyKey;
    const body = { ...user, externalId: context.uniqueExternalId() };
    const bytes = JSON.stringify(body);
    const key = freshIdempotencyKey();
    const what = `${concurrency} concurrent requests with one ${header} and one body`;
    const replies = await Promise.all(Array.from({ length: concurrency }, () => context.client.send({ body: bytes, idempotencyKey: key, pace: false })));

    for (const reply of replies) {
      const { status } = responded(reply, what);
      if (status !== 201 && status !== 409) {
        throw violation(`${what}: each must get the stored 201 or 409 while the first is in flight (contract §4), one got ${outcome(reply)}`, {
          expected: '201 or 409',
          actual: outcome(reply),
          exchanges: [reply],
        });
      }
    }
    const created = replies.filter((reply) => reply.response?.status === 201);
    if (created.length === 0) {
      throw violation(`${what}: the request that ran must get 201 (contract §4: exactly one user is created), but all ${concurrency} got 409`, {
        expected: 'one 201, the others 201 with the same userId or 409',
        actual: `${concurrency} × 409`,
        exchanges: replies,
      });
    }
    const userId = expectCreated(created[0]!, body.externalId, what);
    const other = created.find((reply) => userIdOf(reply) !== userId);
    if (other) {
      throw violation(`${what} must create exactly one user (contract §4: every 201 carries the same userId), but two 201s carry ${userId} and ${JSON.stringify(userIdOf(other))}`, {
        expected: `every 201 with userId ${userId}`,
        actual: `201 with userId ${JSON.stringify(userIdOf(other))}`,
        exchanges: [created[0]!, other],
      });
    }

    const replay = await context.client.send({ body: bytes, idempotencyKey: key });
    const replayWhat = `a replay after ${what} completed (contract §4: the stored result, the one user)`;
    if (replay.response?.status !== 201 || userIdOf(replay) !== userId) {
      throw violation(`${replayWhat}: expected 201 with userId ${userId}, got ${outcome(replay)}${replay.response?.status === 201 ? ` with userId ${JSON.stringify(userIdOf(replay))}` : ''}`, {
        expected: `201 with userId ${userId}`,
        actual: outcome(replay),
        exchanges: [created[0]!, replay],
      });
    }
  },
};
