import { describe, expect, it } from 'vitest';
import { parseCalendarDate } from '../../src/contract/calendar.js';
import { fieldNames } from '../../src/contract/field-rules.js';
import { defaultProfile } from '../../src/contract/profile.js';
import { validateUser } from '../../src/contract/validate-user.js';

const today = parseCalendarDate('2024-05-01')!;

/** The seed's example body. */
const seedUser = {
  externalId: 'partner-000123',
  email: 'zoe@example.com',
  firstName: 'Zoë',
  lastName: 'Nguyễn',
  dateOfBirth: '1990-04-12',
  addressLine1: '350 Rue Saint-Denis',
  addressLine2: null,
  city: 'Montréal',
  postalCode: 'H2X 3K8',
  province: 'QC',
  country: 'CA',
  occupation: 'Software developer',
  isCiroAffiliate: false,
};

const violations = (body: Record<string, unknown>, profile = defaultProfile) =>
  validateUser(body, profile, today).map(({ field, violation }) => [field, violation]);

describe('validateUser (contract §3)', () => {
  it('accepts the seed user', () => {
    expect(validateUser(seedUser, defaultProfile, today)).toEqual([]);
  });

  it('accepts addressLine2 absent, null or empty, and ignores unknown properties', () => {
    const { addressLine2: _, ...withoutLine2 } = seedUser;
    expect(violations(withoutLine2)).toEqual([]);
    expect(violations({ ...seedUser, addressLine2: '' })).toEqual([]);
    expect(violations({ ...seedUser, nickname: 42 })).toEqual([]);
  });

  it('reports every invalid field, not only the first, in field order', () => {
    const body = {
      ...seedUser,
      externalId: '-bad',
      email: 'zoe@localhost',
      firstName: '   ',
      dateOfBirth: '2023-02-29',
      postalCode: 'h2x 3k8',
      province: 'PQ',
      country: 'US',
      isCiroAffiliate: 'false',
    };
    expect(violations(body)).toEqual([
      ['externalId', 'pattern'],
      ['email', 'format'],
      ['firstName', 'tooShort'],
      ['dateOfBirth', 'notADate'],
      ['postalCode', 'pattern'],
      ['province', 'notInEnum'],
      ['country', 'notInEnum'],
      ['isCiroAffiliate', 'type'],
    ]);
  });

  it('reports every required field of an empty object as missing', () => {
    expect(violations({})).toEqual(fieldNames.filter((f) => f !== 'addressLine2').map((f) => [f, 'required']));
  });

  it.each([
    ['isCiroAffiliate', 'false'],
    ['isCiroAffiliate', 0],
    ['isCiroAffiliate', null],
    ['externalId', 123],
    ['email', null],
    ['firstName', ['Zoë']],
    ['dateOfBirth', { year: 1990 }],
    ['province', true],
    ['addressLine2', 0],
  ])('rejects %s = %j as the wrong JSON type', (field, value) => {
    expect(violations({ ...seedUser, [field]: value })).toEqual([[field, 'type']]);
  });

  it('measures names in code points after trimming', () => {
    expect(violations({ ...seedUser, firstName: `  ${'𠮷'.repeat(100)}  ` })).toEqual([]);
    expect(violations({ ...seedUser, firstName: 'é'.repeat(101) })).toEqual([['firstName', 'tooLong']]);
    expect(violations({ ...seedUser, lastName: 'e\u0301'.repeat(50) })).toEqual([]);
  });

  it('checks lengths at both ends', () => {
    expect(violations({ ...seedUser, externalId: 'a'.repeat(64) })).toEqual([]);
    expect(violations({ ...seedUser, externalId: 'a'.repeat(65) })).toEqual([['externalId', 'tooLong']]);
    expect(violations({ ...seedUser, externalId: '' })).toEqual([['externalId', 'tooShort']]);
    expect(violations({ ...seedUser, addressLine1: 'x'.repeat(100), city: 'y', occupation: 'z' })).toEqual([]);
    expect(violations({ ...seedUser, addressLine2: 'x'.repeat(101) })).toEqual([['addressLine2', 'tooLong']]);
  });

  it('accepts dates from 1900-01-01 to today and rejects the days around them', () => {
    expect(violations({ ...seedUser, dateOfBirth: '1900-01-01' })).toEqual([]);
    expect(violations({ ...seedUser, dateOfBirth: '1899-12-31' })).toEqual([['dateOfBirth', 'beforeMinDate']]);
    expect(violations({ ...seedUser, dateOfBirth: '2024-05-01' })).toEqual([]);
    expect(violations({ ...seedUser, dateOfBirth: '2024-05-02' })).toEqual([['dateOfBirth', 'inFuture']]);
    expect(violations({ ...seedUser, dateOfBirth: '2024-02-30' })).toEqual([['dateOfBirth', 'notADate']]);
  });

  it('accepts postal codes with and without the space, upper case only', () => {
    expect(violations({ ...seedUser, postalCode: 'H2X3K8' })).toEqual([]);
    expect(violations({ ...seedUser, postalCode: 'H2X 3k8' })).toEqual([['postalCode', 'pattern']]);
    expect(violations({ ...seedUser, postalCode: 'D2X 3K8' })).toEqual([['postalCode', 'pattern']]);
  });

  it('cross-checks postal code and province only when the profile says so', () => {
    const body = { ...seedUser, postalCode: 'M5V 2T6' };
    expect(violations(body)).toEqual([]);
    expect(violations(body, { ...defaultProfile, postalCodeProvinceCheck: true })).toEqual([['postalCode', 'postalCodeProvince']]);
    expect(violations(seedUser, { ...defaultProfile, postalCodeProvinceCheck: true })).toEqual([]);
  });

  it('gives every record a non-empty message', () => {
    for (const record of validateUser({ isCiroAffiliate: 0 }, defaultProfile, today)) expect(record.message).not.toBe('');
  });

  it('refuses control characters in names even where trimming would remove them', () => {
    expect(violations({ ...seedUser, firstName: '\tZoë' })).toEqual([['firstName', 'format']]);
    expect(violations({ ...seedUser, lastName: 'Doe\n' })).toEqual([['lastName', 'format']]);
    expect(violations({ ...seedUser, firstName: '  Zoë  ' })).toEqual([]);
  });
});
