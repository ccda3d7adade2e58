import { describe, expect, it } from 'vitest';
import {
  addDays,
  anniversary,
  compareDates,
  daysInMonth,
  formatCalendarDate,
  isAtLeastYearsOld,
  isLeapYear,
  parseCalendarDate,
  utcDate,
} from '../../src/contract/calendar.js';

const d = (text: string) => {
  const date = parseCalendarDate(text);
  if (!date) throw new Error(`test date ${text} does not parse`);
  return date;
};

describe('leap years', () => {
  it.each([
    [2024, true],
    [2000, true],
    [1600, true],
    [2023, false],
    [1900, false],
    [2100, false],
  ])('%i is a leap year: %s', (year, leap) => {
    expect(isLeapYear(year)).toBe(leap);
    expect(daysInMonth(year, 2)).toBe(leap ? 29 : 28);
  });

  it('knows the length of every month', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => daysInMonth(2023, m))).toEqual([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);
  });
});

describe('parseCalendarDate', () => {
  it.each(['2024-02-29', '2000-02-29', '1900-01-01', '2023-12-31', '0001-01-01'])('accepts %s', (text) => {
    expect(formatCalendarDate(d(text))).toBe(text);
  });

  it.each([
    '2023-02-29',
    '1900-02-29',
    '2100-02-29',
    '2024-02-30',
    '2024-04-31',
    '2024-13-01',
    '2024-00-10',
    '2024-01-00',
    '2024-01-32',
    '2024-1-1',
    '20240101',
    '2024/01/01',
    '2024-01-01T00:00:00Z',
    ' 2024-01-01',
    '2024-01-01 ',
    '2024-01-01\n',
    '２０２４-01-01',
    '',
  ])('rejects %j', (text) => {
    expect(parseCalendarDate(text)).toBeUndefined();
  });
});

describe('age (contract §3)', () => {
  it('moves a 29 February birthday to 1 March in non-leap years', () => {
    expect(anniversary(d('2004-02-29'), 18)).toEqual(d('2022-03-01'));
    expect(anniversary(d('2004-02-29'), 20)).toEqual(d('2024-02-29'));
    expect(anniversary(d('1996-02-29'), 104)).toEqual(d('2100-03-01'));
  });

  it('accepts someone whose 18th birthday is today and rejects one day younger', () => {
    expect(isAtLeastYearsOld(d('2006-05-01'), 18, d('2024-05-01'))).toBe(true);
    expect(isAtLeastYearsOld(d('2006-05-02'), 18, d('2024-05-01'))).toBe(false);
    expect(isAtLeastYearsOld(d('2005-12-31'), 18, d('2023-12-31'))).toBe(true);
    expect(isAtLeastYearsOld(d('2006-01-01'), 18, d('2023-12-31'))).toBe(false);
  });

  it('turns someone born on 29 February 18 on 1 March of a non-leap year, not on 28 February', () => {
    expect(isAtLeastYearsOld(d('2004-02-29'), 18, d('2022-02-28'))).toBe(false);
    expect(isAtLeastYearsOld(d('2004-02-29'), 18, d('2022-03-01'))).toBe(true);
  });

  it('on 29 February of a leap year, the youngest adult was born on 28 February', () => {
    expect(isAtLeastYearsOld(d('2006-02-28'), 18, d('2024-02-29'))).toBe(true);
    expect(isAtLeastYearsOld(d('2006-03-01'), 18, d('2024-02-29'))).toBe(false);
  });

  it('on 1 March of a non-leap year, both 29 February and 1 March births of a leap year are 18', () => {
    expect(isAtLeastYearsOld(d('2004-02-29'), 18, d('2022-03-01'))).toBe(true);
    expect(isAtLeastYearsOld(d('2004-03-01'), 18, d('2022-03-01'))).toBe(true);
    expect(isAtLeastYearsOld(d('2004-03-02'), 18, d('2022-03-01'))).toBe(false);
  });
});

describe('day arithmetic', () => {
  it('adds and subtracts days across months, years and 29 February', () => {
    expect(addDays(d('2024-02-28'), 1)).toEqual(d('2024-02-29'));
    expect(addDays(d('2023-02-28'), 1)).toEqual(d('2023-03-01'));
    expect(addDays(d('2024-03-01'), -1)).toEqual(d('2024-02-29'));
    expect(addDays(d('1900-01-01'), -1)).toEqual(d('1899-12-31'));
    expect(addDays(d('2023-12-31'), 366)).toEqual(d('2024-12-31'));
  });

  it('is correct for years 0–99, which Date.UTC would map to 1900–1999', () => {
    expect(addDays(d('0050-06-15'), 1)).toEqual(d('0050-06-16'));
    expect(addDays(d('0001-01-01'), 365)).toEqual(d('0002-01-01'));
  });

  it('gives the UTC date of an instant, whatever the local time zone', () => {
    expect(utcDate(Date.UTC(2024, 1, 29, 23, 59, 59, 999))).toEqual(d('2024-02-29'));
    expect(utcDate(Date.UTC(2024, 2, 1, 0, 0, 0))).toEqual(d('2024-03-01'));
  });

  it('orders dates', () => {
    expect(compareDates(d('2024-02-29'), d('2024-03-01'))).toBeLessThan(0);
    expect(compareDates(d('2024-03-01'), d('2024-03-01'))).toBe(0);
    expect(compareDates(d('2025-01-01'), d('2024-12-31'))).toBeGreaterThan(0);
  });
});
