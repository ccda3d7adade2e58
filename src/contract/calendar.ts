/** Calendar arithmetic on `YYYY-MM-DD` dates in UTC, for contract §3 (dateOfBirth, age). */

export interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

export const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

export const daysInMonth = (year: number, month: number): number =>
  month === 2 ? (isLeapYear(year) ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;

const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses a `YYYY-MM-DD` string that names a real calendar date (no Feb 30), or returns undefined. */
export function parseCalendarDate(value: string): CalendarDate | undefined {
  const match = datePattern.exec(value);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

export const formatCalendarDate = ({ year, month, day }: CalendarDate): string =>
  `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

/** The UTC calendar date of an instant given in epoch milliseconds. */
export function utcDate(epochMs: number): CalendarDate {
  const date = new Date(epochMs);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

export const compareDates = (a: CalendarDate, b: CalendarDate): number =>
  a.year - b.year || a.month - b.month || a.day - b.day;

/**
 * The date on which someone born on `birth` turns `years` old. Born on
 * 29 February, the birthday falls on 1 March in non-leap years (contract §3).
 */
export function anniversary(birth: CalendarDate, years: number): CalendarDate {
  const year = birth.year + years;
  if (birth.month === 2 && birth.day === 29 && !isLeapYear(year)) return { year, month: 3, day: 1 };
  return { year, month: birth.month, day: birth.day };
}

/** True when someone born on `birth` is at least `years` old on `today` (their birthday counts). */
export const isAtLeastYearsOld = (birth: CalendarDate, years: number, today: CalendarDate): boolean =>
  compareDates(anniversary(birth, years), today) <= 0;

/** Adds (or with a negative count subtracts) whole days. */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  // setUTCFullYear, unlike Date.UTC, does not read years 0–99 as 1900–1999.
  const midnight = new Date(0);
  midnight.setUTCFullYear(date.year, date.month - 1, date.day);
  return utcDate(midnight.getTime() + days * 86_400_000);
}
