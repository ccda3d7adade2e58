/**
 * One valid user for scenario checks, which run once and generate nothing:
 * drawn from `validUser` with a fixed seed (so it follows the profile's field
 * rules), with a fresh externalId and, optionally, a chosen dateOfBirth.
 */
import fc from 'fast-check';
import { formatCalendarDate, type CalendarDate } from '../../contract/calendar.js';
import { validUser, type UserBody } from '../../fixtures/index.js';
import type { CheckContext } from '../check-context.js';
import { safeTodayForValidData } from '../check-dates.js';

export function sampleUser(context: CheckContext, options: { readonly dateOfBirth?: CalendarDate; readonly seed?: number } = {}): UserBody {
  const arbitrary = validUser({
    today: safeTodayForValidData(context),
    profile: context.profile,
    ...(options.dateOfBirth ? { dateOfBirth: fc.constant(formatCalendarDate(options.dateOfBirth)) } : {}),
  });
  const [user] = fc.sample(arbitrary, { numRuns: 1, seed: options.seed ?? 1 });
  return { ...user!, externalId: context.uniqueExternalId() };
}
