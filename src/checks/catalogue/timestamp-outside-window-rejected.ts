import fc from 'fast-check';
import { timestampOutside, validUser, type UserBody } from '../../fixtures/index.js';
import type { PropertyCheck } from '../check.js';
import { safeTodayForValidData } from '../check-dates.js';
import { expectEnvelope } from '../expect.js';
import { secondsFromServerClock } from '../support/timestamp-distance.js';

/**
 * contract §1: timestamps beyond W + m of the server's clock (its `Date`
 * header), in the past or the future, up to ±24 h and beyond, MUST be
 * rejected, even when the signature over them is right.
 */
export const timestampOutsideWindowRejected: PropertyCheck<[UserBody, string]> = {
  kind: 'property',
  id: 'timestamp-outside-window-rejected',
  section: '§1',
  statement: "a valid request correctly signed with an X-Request-Timestamp beyond W + m of the server's clock (past or future, ±24 h) is rejected: 401",
  tags: ['authentication', 'clock-skew', 'timestamp', 'negative'],
  maxRuns: 40,
  arbitraries: (context) => [
    validUser({ today: safeTodayForValidData(context), profile: context.profile }),
    // Relative to the server's now when each value is generated, so slow pacing cannot carry a future value into the window.
    fc.constant(null).chain(() => timestampOutside({ serverNowMs: context.serverNowMs(), profile: context.profile })),
  ],
  async predicate(context, user, timestamp) {
    const { windowSeconds, marginSeconds } = context.profile.clockSkew;
    const exchange = await context.client.send({ json: { ...user, externalId: context.uniqueExternalId() }, sign: { timestamp } });
    expectEnvelope(
      exchange,
      401,
      `timestamps beyond W + m = ${windowSeconds + marginSeconds} s of the server's clock MUST be rejected (contract §1: ±${windowSeconds} s, past and future alike): ${context.profile.headers.timestamp} ${timestamp}, ${secondsFromServerClock(timestamp, context)}, correctly signed`,
    );
  },
};
