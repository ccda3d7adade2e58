/**
 * Strict RFC 3339 `date-time` parsing for `X-Request-Timestamp` (contract §1):
 * `Z` or a numeric offset, optional fractional seconds, a real calendar date.
 * Epoch seconds, missing offsets and impossible dates are rejected.
 */
import { daysInMonth } from './calendar.js';

const dateTimePattern = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/;

/** Epoch milliseconds of an RFC 3339 date-time, or undefined when the value is not one. */
export function parseRfc3339(value: string): number | undefined {
  const m = dateTimePattern.exec(value);
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6]].map(Number) as [
    number, number, number, number, number, number,
  ];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  // Leap seconds (:60) are not accepted: no clock a partner uses emits them.
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  let offsetMinutes = 0;
  if (!m[8]) {
    const offsetHours = Number(m[10]);
    const offsetMins = Number(m[11]);
    if (offsetHours > 23 || offsetMins > 59) return undefined;
    offsetMinutes = (m[9] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMins);
  }
  const fractionMs = m[7] ? Number(`0${m[7]}`) * 1000 : 0;
  // setUTCFullYear, unlike Date.UTC, does not read years 0–99 as 1900–1999.
  const instant = new Date(Date.UTC(2000, month - 1, day, hour, minute, second));
  instant.setUTCFullYear(year);
  return instant.getTime() + fractionMs - offsetMinutes * 60_000;
}

/** Formats epoch milliseconds as `YYYY-MM-DDTHH:MM:SSZ` (whole seconds, UTC). */
export const formatRfc3339 = (epochMs: number): string => new Date(Math.floor(epochMs / 1000) * 1000).toISOString().replace('.000Z', 'Z');
