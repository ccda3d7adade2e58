/**
 * "Today" for generating data, kept away from the age and date boundaries
 * unless a check probes them on purpose: the server's date may differ from
 * ours near midnight UTC (contract §3: never probe the exact boundary within
 * 2 hours of midnight).
 */
import type { Arbitrary } from 'fast-check';
import { addDays, type CalendarDate } from '../contract/calendar.js';
import { daysBetween, latestAdultBirthDate, minorDateOfBirth, minorUser, type UserBody } from '../fixtures/index.js';
import type { CheckContext } from './check-context.js';

/** A date valid data is generated against: yesterday on the server, so no generated adult is 18 "only today". */
export const safeTodayForValidData = (context: CheckContext): CalendarDate => addDays(context.serverToday(), -1);

/** A date invalid data is generated against: tomorrow on the server, so a "future" date is in the future on any clock. */
export const safeTodayForInvalidData = (context: CheckContext): CalendarDate => addDays(context.serverToday(), 1);

/** Minutes from the server's now to the nearest midnight UTC. */
export function minutesFromMidnightUtc(context: CheckContext): number {
  const msIntoDay = context.serverNowMs() % 86_400_000;
  return Math.min(msIntoDay, 86_400_000 - msIntoDay) / 60_000;
}

/**
 * A minor on any clock near the server's, for checks that do not probe the
 * age boundary: under age on tomorrow's date (so on today's too) and born
 * yesterday at the latest (so not in the future, which would be a 400).
 */
export function clearMinor(context: CheckContext): Arbitrary<UserBody> {
  const today = safeTodayForInvalidData(context);
  const maxDaysUnderAge = daysBetween(latestAdultBirthDate(today, context.profile.age.minimumYears), addDays(today, -2));
  return minorUser({ today, maxDaysUnderAge, profile: context.profile });
}

/** A minor's date of birth under the same constraints as `clearMinor`. */
export function clearMinorDateOfBirth(context: CheckContext): Arbitrary<string> {
  const today = safeTodayForInvalidData(context);
  const maxDaysUnderAge = daysBetween(latestAdultBirthDate(today, context.profile.age.minimumYears), addDays(today, -2));
  return minorDateOfBirth({ today, maxDaysUnderAge, profile: context.profile });
}
