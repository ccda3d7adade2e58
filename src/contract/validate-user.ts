/** Field validation of the create-user body, contract §3. */
import { compareDates, parseCalendarDate, type CalendarDate } from './calendar.js';
import { isValidEmail } from './email.js';
import { fieldNames, postalDistricts, type FieldName, type FieldRule, type FieldViolation } from './field-rules.js';
import { isValidPersonName } from './person-name.js';
import type { Profile } from './profile.js';

/** One rejected field: which rule it broke and a message for the `fieldErrors` entry. */
export interface FieldViolationRecord {
  readonly field: FieldName;
  readonly violation: FieldViolation;
  readonly message: string;
}

const codePointLength = (value: string): number => {
  let length = 0;
  for (const _ of value) length++;
  return length;
};

const controlCharacter = /\p{Cc}/u;

const patternCache = new Map<string, RegExp>();
const compiled = (pattern: string): RegExp => {
  let regex = patternCache.get(pattern);
  if (!regex) patternCache.set(pattern, (regex = new RegExp(pattern, 'u')));
  return regex;
};

const messages: { readonly [V in FieldViolation]: string } = {
  required: 'Is required',
  type: 'Has the wrong JSON type',
  tooShort: 'Is too short',
  tooLong: 'Is too long',
  pattern: 'Has an invalid format',
  format: 'Has an invalid format',
  notADate: 'Must be a real date in YYYY-MM-DD form',
  beforeMinDate: 'Is too far in the past',
  inFuture: 'Must not be in the future',
  notInEnum: 'Is not one of the allowed values',
  postalCodeProvince: 'Does not belong to the province',
};

const expectedType: { readonly [K in FieldRule['kind']]: string } = {
  string: 'a string',
  date: 'a string (YYYY-MM-DD)',
  enum: 'a string',
  boolean: 'a JSON boolean',
};

function checkField(rule: FieldRule, value: unknown, today: CalendarDate): FieldViolation | undefined {
  if (value === undefined || (value === null && rule.kind === 'string' && rule.nullable)) {
    return rule.required ? 'required' : undefined;
  }
  if (rule.kind === 'boolean') return typeof value === 'boolean' ? undefined : 'type';
  if (typeof value !== 'string') return 'type';
  switch (rule.kind) {
    case 'enum':
      return rule.values.includes(value) ? undefined : 'notInEnum';
    case 'date': {
      const date = parseCalendarDate(value);
      if (!date) return 'notADate';
      const minDate = parseCalendarDate(rule.minDate);
      if (minDate && compareDates(date, minDate) < 0) return 'beforeMinDate';
      if (rule.notAfterToday && compareDates(date, today) > 0) return 'inFuture';
      return undefined;
    }
    case 'string': {
      const measured = rule.trim ? value.trim() : value;
      const length = codePointLength(measured);
      if (length < rule.minLength) return 'tooShort';
      if (length > rule.maxLength) return 'tooLong';
      if (rule.pattern && !compiled(rule.pattern).test(value)) return 'pattern';
      if (rule.format === 'email' && !isValidEmail(value)) return 'format';
      // Trimming measures the length; control characters are refused anywhere, surrounding ones included.
      if (rule.format === 'personName' && (!isValidPersonName(measured) || controlCharacter.test(value))) return 'format';
      return undefined;
    }
  }
}

/**
 * Every field rule that `body` breaks, one record per invalid field, in the
 * profile's field order. Unknown properties are ignored. `today` is the UTC
 * date that "in the future" is measured against.
 */
export function validateUser(
  body: { readonly [key: string]: unknown },
  profile: Pick<Profile, 'fields' | 'postalCodeProvinceCheck'>,
  today: CalendarDate,
): FieldViolationRecord[] {
  const records: FieldViolationRecord[] = [];
  for (const field of fieldNames) {
    const rule = profile.fields[field];
    const violation = checkField(rule, Object.hasOwn(body, field) ? body[field] : undefined, today);
    if (violation) {
      const detail = violation === 'type' ? `Must be ${expectedType[rule.kind]}` : messages[violation];
      records.push({ field, violation, message: detail });
    }
  }
  if (profile.postalCodeProvinceCheck) {
    const { postalCode, province } = body;
    const invalid = new Set(records.map((r) => r.field));
    if (typeof postalCode === 'string' && typeof province === 'string' && !invalid.has('postalCode') && !invalid.has('province')) {
      const districts = postalDistricts[province];
      if (districts && !districts.includes(postalCode[0]!)) {
        records.push({ field: 'postalCode', violation: 'postalCodeProvince', message: messages.postalCodeProvince });
      }
    }
  }
  return records;
}
