/** Step 6 of contract §2: age (422), externalId unique per API key (409), create (201). */
import { isAtLeastYearsOld, parseCalendarDate, utcDate } from '../../contract/calendar.js';
import { createdUserStatus, seedMessages } from '../../contract/responses.js';
import { randomUUID } from 'node:crypto';
import { errorOutcome } from '../error-outcome.js';
import type { Exchange } from '../exchange.js';
import type { Pipeline, Step } from '../pipeline.js';
import type { UserRecord } from '../store.js';

export const age: Step = (x, p) => {
  const birth = typeof x.user?.dateOfBirth === 'string' ? parseCalendarDate(x.user.dateOfBirth) : undefined;
  if (birth && !isAtLeastYearsOld(birth, p.env.profile.age.minimumYears, utcDate(x.nowMs))) {
    return errorOutcome(p, 422, seedMessages[422]);
  }
  return undefined;
};

export const uniqueExternalId: Step = (x, p) => {
  if (x.partner && typeof x.user?.externalId === 'string' && p.env.store.hasExternalId(x.partner.apiKey, x.user.externalId)) {
    return errorOutcome(p, 409, seedMessages[409]);
  }
  return undefined;
};

/** The user record of a validated request; also used by faults that create users they should not. */
export function userRecord(x: Exchange, userId: string = randomUUID()): UserRecord {
  return { userId, apiKey: x.partner?.apiKey ?? '', externalId: String(x.user?.externalId), createdAtMs: x.nowMs, json: x.bodyText ?? '' };
}

/** The stored form of an outcome for the request's claimed key (contract §4). */
export const storedResponse = (x: Exchange, p: Pipeline, status: number, body: string) => ({
  fingerprint: x.claim?.fingerprint ?? '',
  status,
  body,
  storedAtMs: x.nowMs,
  expiresAtMs: x.nowMs + p.env.profile.idempotency.ttlSeconds * 1000,
});

/** Inserts the user and its idempotent 201 in one transaction. */
export const create: Step = (x, p) => {
  const user = userRecord(x);
  const body = JSON.stringify({ userId: user.userId, externalId: user.externalId, status: createdUserStatus });
  p.env.store.createUser(user, x.claim && { slot: x.claim.slot, response: storedResponse(x, p, 201, body) });
  return { status: 201, body };
};
