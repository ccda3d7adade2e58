/** What the rate-limit checks send, contract §6: authenticated requests that create at most one user. */
import fc from 'fast-check';
import { validUser, type UserBody } from '../../fixtures/index.js';
import type { CheckContext, OutgoingRequest } from '../check-context.js';
import { safeTodayForValidData } from '../check-dates.js';

/** One valid user (the same for a given seed) with a fresh externalId. */
export function sampleValidUser(context: CheckContext, seed = 1): UserBody {
  const [user] = fc.sample(validUser({ today: safeTodayForValidData(context), profile: context.profile }), { numRuns: 1, seed });
  return { ...user!, externalId: context.uniqueExternalId() };
}

/**
 * Load for the limiter: one valid user sent again and again. The first is
 * created (201), the others meet its externalId (409), so every request is
 * authenticated, goes through the whole evaluation (§2) and counts against
 * the limit, yet the target gains a single user.
 */
export function rateLimitTraffic(context: CheckContext): (slot: number) => OutgoingRequest {
  const body = JSON.stringify(sampleValidUser(context));
  return () => ({ body });
}
