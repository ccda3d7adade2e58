import { addDays, type CalendarDate } from '../../contract/calendar.js';
import { daysBetween, latestAdultBirthDate, minorUser, type UserBody } from '../../fixtures/index.js';
import type { PropertyCheck } from '../check.js';
import type { CheckContext } from '../check-context.js';
import { minutesFromMidnightUtc, safeTodayForInvalidData } from '../check-dates.js';
import { expectEnvelope } from '../expect.js';

/** Within this many minutes of midnight UTC the exact age boundary is not probed (contract §3). */
const boundaryMarginMinutes = 120;

/**
 * The day minors are measured on, and how young they may be. Away from
 * midnight: the server's today, from 18 years minus one day (the boundary)
 * to born today. Near midnight the server's date and ours may differ, so
 * minors are measured on tomorrow and born at the latest yesterday: under
 * age on either date, two days clear of the boundary.
 */
function minorWindow(context: CheckContext): { today: CalendarDate; maxDaysUnderAge: number } {
  const years = context.profile.age.minimumYears;
  if (minutesFromMidnightUtc(context) >= boundaryMarginMinutes) {
    const today = context.serverToday();
    return { today, maxDaysUnderAge: daysBetween(latestAdultBirthDate(today, years), today) };
  }
  const today = safeTodayForInvalidData(context);
  return { today, maxDaysUnderAge: daysBetween(latestAdultBirthDate(today, years), addDays(today, -2)) };
}

/**
 * Contract §3 (age): a valid user under the minimum age on today's UTC date,
 * from 18 years minus one day down to a newborn, gets 422
 * `unprocessable_entity` (not 400: every field is valid).
 */
export const minorRejected: PropertyCheck<[UserBody]> = {
  kind: 'property',
  id: 'minor-rejected',
  section: '§3',
  statement: 'a valid user under 18 on today\'s UTC date gets 422 unprocessable_entity',
  tags: ['age', 'negative'],
  arbitraries: (context) => [minorUser({ ...minorWindow(context), profile: context.profile })],
  async predicate(context, user) {
    const body = { ...user, externalId: context.uniqueExternalId() };
    const exchange = await context.client.send({ json: body });
    const years = context.profile.age.minimumYears;
    expectEnvelope(exchange, 422, `contract §3: someone under ${years} on today's UTC date gets 422 unprocessable_entity; born ${body.dateOfBirth}`);
  },
};
