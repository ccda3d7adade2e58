import { describe, expect, it } from 'vitest';
import { formatRfc3339, parseRfc3339 } from '../../src/contract/rfc3339.js';

const noon = Date.UTC(2024, 4, 1, 12, 0, 0);

describe('parseRfc3339 (contract §1)', () => {
  it.each([
    ['2024-05-01T12:00:00Z', noon],
    ['2024-05-01t12:00:00z', noon],
    ['2024-05-01T12:00:00+00:00', noon],
    ['2024-05-01T12:00:00-00:00', noon],
    ['2024-05-01T14:00:00+02:00', noon],
    ['2024-05-01T07:00:00-05:00', noon],
    ['2024-05-01T17:30:00+05:30', noon],
    ['2024-05-02T01:45:00+13:45', noon],
    ['2024-05-01T00:00:00-12:00', noon],
    ['2024-05-01T12:00:00.5Z', noon + 500],
    ['2024-05-01T12:00:00.123Z', noon + 123],
    ['2024-05-01T12:00:00.000000001Z', noon + 0.000001],
    ['2024-02-29T00:00:00Z', Date.UTC(2024, 1, 29)],
    ['2024-03-01T00:30:00+01:00', Date.UTC(2024, 1, 29, 23, 30)],
  ])('reads %s', (text, epochMs) => {
    expect(parseRfc3339(text)).toBeCloseTo(epochMs, 6);
  });

  it.each([
    ['epoch seconds', '1714564800'],
    ['epoch milliseconds', '1714564800000'],
    ['no offset', '2024-05-01T12:00:00'],
    ['February 30', '2026-02-30T12:00:00Z'],
    ['February 29 of a non-leap year', '2023-02-29T12:00:00Z'],
    ['month 13', '2024-13-01T12:00:00Z'],
    ['day 0', '2024-05-00T12:00:00Z'],
    ['hour 24', '2024-05-01T24:00:00Z'],
    ['minute 60', '2024-05-01T12:60:00Z'],
    ['second 60', '2024-05-01T23:59:60Z'],
    ['offset hour 24', '2024-05-01T12:00:00+24:00'],
    ['offset minute 60', '2024-05-01T12:00:00+01:60'],
    ['offset without colon', '2024-05-01T12:00:00+0000'],
    ['offset hours only', '2024-05-01T12:00:00+00'],
    ['date only', '2024-05-01'],
    ['space for T', '2024-05-01 12:00:00Z'],
    ['no seconds', '2024-05-01T12:00Z'],
    ['empty fraction', '2024-05-01T12:00:00.Z'],
    ['comma fraction', '2024-05-01T12:00:00,5Z'],
    ['basic format', '20240501T120000Z'],
    ['leading space', ' 2024-05-01T12:00:00Z'],
    ['trailing newline', '2024-05-01T12:00:00Z\n'],
    ['zone name', '2024-05-01T12:00:00 UTC'],
    ['HTTP-date', 'Wed, 01 May 2024 12:00:00 GMT'],
    ['full-width digits', '２０２４-05-01T12:00:00Z'],
    ['empty', ''],
  ])('rejects %s', (_, text) => {
    expect(parseRfc3339(text)).toBeUndefined();
  });

  it('reads years before 100 as themselves, not as 19xx', () => {
    expect(parseRfc3339('0050-01-01T00:00:00Z')).toBe(new Date('0050-01-01T00:00:00Z').getTime());
  });

  it('accepts any number of fractional digits, as RFC 3339 does', () => {
    expect(parseRfc3339('2024-05-01T12:00:00.123456789012Z')).toBeCloseTo(Date.UTC(2024, 4, 1, 12, 0, 0) + 123.456789012, 6);
  });

  it('formats whole seconds in UTC', () => {
    expect(formatRfc3339(noon + 999)).toBe('2024-05-01T12:00:00Z');
    expect(parseRfc3339(formatRfc3339(noon))).toBe(noon);
  });
});
