import fc from 'fast-check';
import { timestampWithin, validUser, type UserBody } from '../../fixtures/index.js';
import type { PropertyCheck } from '../check.js';
import { safeTodayForValidData } from '../check-dates.js';
import { expectCreated } from '../expect.js';
import { secondsFromServerClock } from '../support/timestamp-distance.js';

/**
 * contract §1: timestamps within W − m of the server's clock (its `Date`
 * header), in the past and in the future, in any RFC 3339 form (`Z` or a
 * numeric offset, fractional seconds) MUST be accepted.
 */
export const timestampInsideWindowAccepted: PropertyCheck<[UserBody, string]> = {
  kind: 'property',
  id: 'timestamp-inside-window-accepted',
  section: '§1',
  statement: "a valid request signed with an X-Request-Timestamp within W − m of the server's clock, past or future, is accepted: 201",
  tags: ['authentication', 'clock-skew', 'timestamp', 'positive'],
  maxRuns: 40,
  arbitraries: (context) => [
    validUser({ today: safeTodayForValidData(context), profile: context.profile }),
    // Relative to the server's now when each value is generated, so slow pacing cannot carry an edge value out of the window.
    fc.constant(null).chain(() => timestampWithin({ serverNowMs: context.serverNowMs(), profile: context.profile })),
  ],
  async predicate(context, user, timestamp) {
    const { windowSeconds, marginSeconds } = context.profile.clockSkew;
    const externalId = context.uniqueExternalId();
    const exchange = await context.client.send({ json: { ...user, externalId }, sign: { timestamp } });
    expectCreated(
      exchange,
      externalId,
      `timestamps within W − m = ${windowSeconds - marginSeconds} s of the server's clock MUST be accepted (contract §1: ±${windowSeconds} s, past and future alike): ${context.profile.headers.timestamp} ${timestamp}, ${secondsFromServerClock(timestamp, context)}`,
    );
  },
};
