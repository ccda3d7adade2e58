/**
 * "Today" for generating data, kept away from the age and date boundaries
 * unless a check probes them on purpose: the server's date may differ from
 * ours near midnight UTC (contract §3: never probe the exact boundary within
 * 2 hours of midnight).
 */
import { addDays, type CalendarDate } from '../contract/calendar.js';
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
