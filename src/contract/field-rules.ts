/**
 * The request-body field rules of contract §3 as data. The sandbox validates
 * with them, the fixtures derive boundaries from them and the OpenAPI document
 * is generated from them, so a rule changed in the profile changes all three.
 */

/** The JSON property names of the create-user body, in the seed's order. */
export const fieldNames = [
  'externalId',
  'email',
  'firstName',
  'lastName',
  'dateOfBirth',
  'addressLine1',
  'addressLine2',
  'city',
  'postalCode',
  'province',
  'country',
  'occupation',
  'isCiroAffiliate',
] as const;

export type FieldName = (typeof fieldNames)[number];

/** A free-text or patterned string. Lengths count Unicode code points. */
export interface StringRule {
  readonly kind: 'string';
  readonly required: boolean;
  /** `null` is accepted as "absent" (contract §3: addressLine2). */
  readonly nullable?: boolean;
  readonly minLength: number;
  readonly maxLength: number;
  /** Lengths are measured after trimming surrounding white space. */
  readonly trim?: boolean;
  /** ECMAScript pattern (compiled with the `u` flag), matched against the whole value. */
  readonly pattern?: string;
  /** A named format with a check of its own beyond `pattern`. */
  readonly format?: 'email' | 'personName';
}

/** A `YYYY-MM-DD` calendar date between `minDate` and today (UTC). */
export interface DateRule {
  readonly kind: 'date';
  readonly required: boolean;
  readonly minDate: string;
  /** Dates after today (UTC) are rejected. */
  readonly notAfterToday: boolean;
}

/** One of a fixed list of strings. */
export interface EnumRule {
  readonly kind: 'enum';
  readonly required: boolean;
  readonly values: readonly string[];
}

/** A JSON boolean; `"false"`, `0` and `null` are invalid. */
export interface BooleanRule {
  readonly kind: 'boolean';
  readonly required: boolean;
}

export type FieldRule = StringRule | DateRule | EnumRule | BooleanRule;

export type FieldRules = { readonly [F in FieldName]: FieldRule };

/**
 * Why a field was rejected. Stable identifiers: fixtures tie each invalid
 * variant to one of them, and the sandbox reports them in its messages.
 */
export type FieldViolation =
  | 'required'
  | 'type'
  | 'tooShort'
  | 'tooLong'
  | 'pattern'
  | 'format'
  | 'notADate'
  | 'beforeMinDate'
  | 'inFuture'
  | 'notInEnum'
  | 'postalCodeProvince';

/** Canadian provinces and territories (ISO 3166-2:CA), contract §3. */
export const provinces = ['AB', 'BC', 'MB', 'NB', 'NL', 'NS', 'NT', 'NU', 'ON', 'PE', 'QC', 'SK', 'YT'] as const;

/** First letter of a postal code (the FSA's district) per province, for the optional cross-check. */
export const postalDistricts: { readonly [province: string]: string } = {
  NL: 'A',
  NS: 'B',
  PE: 'C',
  NB: 'E',
  QC: 'GHJ',
  ON: 'KLMNP',
  MB: 'R',
  SK: 'S',
  AB: 'T',
  BC: 'V',
  NT: 'X',
  NU: 'X',
  YT: 'Y',
};

const text = (maxLength: number, required = true): StringRule => ({ kind: 'string', required, minLength: 1, maxLength });

/** The default profile's field rules, contract §3. */
export const defaultFieldRules: FieldRules = {
  externalId: { kind: 'string', required: true, minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9][A-Za-z0-9._:-]*$' },
  email: { kind: 'string', required: true, minLength: 3, maxLength: 254, format: 'email' },
  firstName: { kind: 'string', required: true, minLength: 1, maxLength: 100, trim: true, format: 'personName' },
  lastName: { kind: 'string', required: true, minLength: 1, maxLength: 100, trim: true, format: 'personName' },
  dateOfBirth: { kind: 'date', required: true, minDate: '1900-01-01', notAfterToday: true },
  addressLine1: text(100),
  addressLine2: { kind: 'string', required: false, nullable: true, minLength: 0, maxLength: 100 },
  city: text(100),
  postalCode: {
    kind: 'string',
    required: true,
    minLength: 6,
    maxLength: 7,
    pattern: '^[ABCEGHJ-NPRSTVXY][0-9][ABCEGHJ-NPRSTV-Z] ?[0-9][ABCEGHJ-NPRSTV-Z][0-9]$',
  },
  province: { kind: 'enum', required: true, values: provinces },
  country: { kind: 'enum', required: true, values: ['CA'] },
  occupation: text(100),
  isCiroAffiliate: { kind: 'boolean', required: true },
};
