import { addDays, formatCalendarDate, isLeapYear, type CalendarDate } from '../../contract/calendar.js';
import { latestAdultBirthDate } from '../../fixtures/index.js';
import type { ScenarioCheck } from '../check.js';
import { minutesFromMidnightUtc } from '../check-dates.js';
import { expectCreated, expectEnvelope } from '../expect.js';
import { skip } from '../violation.js';
import { sampleUser } from '../support/sample-user.js';

/** Contract §3: the exact boundary is not probed within 2 hours of midnight UTC. */
const boundaryMarginMinutes = 120;

interface BoundaryProbe {
  readonly dateOfBirth: CalendarDate;
  readonly status: 201 | 422;
  readonly who: string;
}

/** Who sits on either side of the age boundary on `today`, 29 February births included when today makes them matter. */
export function ageBoundaryProbes(today: CalendarDate, years: number): BoundaryProbe[] {
  const birthdayToday = latestAdultBirthDate(today, years);
  const oneDayYounger = addDays(birthdayToday, 1);
  const probes: BoundaryProbe[] = [
    { dateOfBirth: birthdayToday, status: 201, who: `who turns ${years} today` },
    {
      dateOfBirth: oneDayYounger,
      status: 422,
      who: oneDayYounger.month === 2 && oneDayYounger.day === 29 ? `born on 29 February, who turns ${years} tomorrow (1 March)` : `one day short of ${years}`,
    },
  ];
  const leapBirthYear = today.year - years;
  if (today.month === 3 && today.day === 1 && isLeapYear(leapBirthYear) && !isLeapYear(today.year)) {
    probes.push({ dateOfBirth: { year: leapBirthYear, month: 2, day: 29 }, status: 201, who: `born on 29 February, who turns ${years} today (1 March in a non-leap year)` });
  }
  return probes;
}

/**
 * Contract §3 (age): on today's UTC date, someone whose 18th birthday is today
 * is created (201) and someone one day younger gets 422; born on 29 February,
 * the birthday falls on 1 March in non-leap years. Skipped within 2 hours of
 * midnight UTC, where the server's date and ours may differ.
 */
export const ageBoundary: ScenarioCheck = {
  kind: 'scenario',
  id: 'age-boundary',
  section: '§3',
  statement: 'someone whose 18th birthday is today (UTC) gets 201; one day younger gets 422',
  tags: ['age', 'boundary'],
  async run(context) {
    const minutes = minutesFromMidnightUtc(context);
    if (minutes < boundaryMarginMinutes) {
      throw skip(
        `the server's clock is ${Math.floor(minutes)} min from midnight UTC; contract §3 forbids probing the exact age boundary within ${boundaryMarginMinutes / 60} h of midnight (run it again later)`,
      );
    }
    const today = context.serverToday();
    const years = context.profile.age.minimumYears;
    for (const [index, probe] of ageBoundaryProbes(today, years).entries()) {
      const user = sampleUser(context, { dateOfBirth: probe.dateOfBirth, seed: index + 1 });
      const exchange = await context.client.send({ json: user });
      const rule = `contract §3: at least ${years} on today's UTC date (${formatCalendarDate(today)}) is accepted, younger gets 422; someone ${probe.who} (born ${user.dateOfBirth})`;
      if (probe.status === 201) expectCreated(exchange, user.externalId, `${rule} must be created`);
      else expectEnvelope(exchange, 422, `${rule} must get 422 unprocessable_entity`);
    }
  },
};
