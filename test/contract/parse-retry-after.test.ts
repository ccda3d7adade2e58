import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { parseHttpDate } from '../../src/contract/parse-http-date.js';
import { parseRetryAfter } from '../../src/contract/parse-retry-after.js';

const nowMs = Date.UTC(2026, 4, 1, 12, 0, 0);
const wholeSecondMs = fc.integer({ min: -62_000_000_000, max: 250_000_000_000 }).map((s) => s * 1000);

describe('parseRetryAfter', () => {
  it.each([
    ['0', 0],
    ['1', 1000],
    ['120', 120_000],
    [' 5 ', 5000],
    ['Fri, 01 May 2026 12:00:30 GMT', 30_000],
    ['Friday, 01-May-26 12:01:00 GMT', 60_000],
    ['Fri May  1 12:00:02 2026', 2000],
    ['Fri, 01 May 2026 11:00:00 GMT', 0],
  ])('reads %j as %i ms', (value, expectedMs) => {
    expect(parseRetryAfter(value, nowMs)).toBe(expectedMs);
  });

  it.each(['', '-1', '1.5', '+3', '1e3', 'soon', '0x10', 'Fri, 01 May 2026 12:00:30 UTC', '2026-05-01T12:00:30Z', 'Fri, 30 Feb 2026 12:00:00 GMT', 'Fri, 01 May 2026 24:00:00 GMT'])(
    'rejects %j',
    (value) => {
      expect(parseRetryAfter(value, nowMs)).toBeUndefined();
    },
  );

  test.prop([fc.nat({ max: 10_000_000 })])('delay-seconds n waits n × 1000 ms', (seconds) => {
    expect(parseRetryAfter(String(seconds), nowMs)).toBe(seconds * 1000);
  });

  test.prop([wholeSecondMs, wholeSecondMs])('an IMF-fixdate waits until that date, never negative', (dateMs, clockMs) => {
    const date = new Date(dateMs);
    fc.pre(date.getUTCFullYear() >= 0 && date.getUTCFullYear() <= 9999);
    expect(parseRetryAfter(date.toUTCString(), clockMs)).toBe(Math.max(0, dateMs - clockMs));
  });
});

describe('parseHttpDate', () => {
  it('reads the three forms of RFC 9110 §5.6.7 as the same instant', () => {
    const expected = Date.UTC(1994, 10, 6, 8, 49, 37);
    const at = Date.UTC(2026, 0, 1);
    expect(parseHttpDate('Sun, 06 Nov 1994 08:49:37 GMT', at)).toBe(expected);
    expect(parseHttpDate('Sunday, 06-Nov-94 08:49:37 GMT', at)).toBe(expected);
    expect(parseHttpDate('Sun Nov  6 08:49:37 1994', at)).toBe(expected);
  });

  it('puts an RFC 850 year more than 50 years ahead in the past century', () => {
    const at = Date.UTC(2026, 0, 1);
    expect(new Date(parseHttpDate('Monday, 01-Jan-76 00:00:00 GMT', at)!).getUTCFullYear()).toBe(2076);
    expect(new Date(parseHttpDate('Thursday, 01-Jan-77 00:00:00 GMT', at)!).getUTCFullYear()).toBe(1977);
  });
});
