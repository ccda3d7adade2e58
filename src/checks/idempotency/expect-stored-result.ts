/** The replay rule of contract §4: the stored result, same status and same body (ignoring requestId). */
import { isDeepStrictEqual } from 'node:util';
import type { Exchange } from '../../http/exchange.js';
import { outcome, responded } from '../expect.js';
import { violation } from '../violation.js';

const withoutRequestId = (json: unknown): unknown => {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return json;
  const { requestId: _ignored, ...rest } = json as Record<string, unknown>;
  return rest;
};

/** Whether two responses carry the same body, ignoring a top-level `requestId` (compared as text when not JSON). */
export function sameBodyIgnoringRequestId(a: NonNullable<Exchange['response']>, b: NonNullable<Exchange['response']>): boolean {
  if (a.json === undefined || b.json === undefined) return a.body === b.body;
  return isDeepStrictEqual(withoutRequestId(a.json), withoutRequestId(b.json));
}

/**
 * `replay` returned the result stored for `first`: the same status and the
 * same body ignoring `requestId` (contract §4). `what` names the replay in
 * the message, e.g. "a replay of a 409 with the same Idempotency-Key".
 */
export function expectStoredResult(first: Exchange, replay: Exchange, what: string): void {
  const stored = responded(first, what);
  const replayed = responded(replay, what);
  if (replayed.status !== stored.status) {
    const ranAgain = stored.status === 201 && replayed.status === 409 ? ' (the request was processed again: its externalId already existed)' : '';
    throw violation(`${what} must return the stored result (contract §4: same status, same body): the first answer was ${outcome(first)}, the replay got ${outcome(replay)}${ranAgain}`, {
      expected: `the stored ${outcome(first)}`,
      actual: outcome(replay),
      exchanges: [first, replay],
    });
  }
  if (!sameBodyIgnoringRequestId(stored, replayed)) {
    throw violation(`${what} must return the stored body (contract §4: same body, ignoring requestId): the first answer was ${stored.body.slice(0, 200)}, the replay ${replayed.body.slice(0, 200)}`, {
      expected: `the stored body ${stored.body.slice(0, 200)}`,
      actual: replayed.body.slice(0, 200),
      exchanges: [first, replay],
    });
  }
}
