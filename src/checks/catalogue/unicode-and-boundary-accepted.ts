import fc, { type Arbitrary } from 'fast-check';
import type { FieldName } from '../../contract/field-rules.js';
import type { Profile } from '../../contract/profile.js';
import { nameLetter, realisticNames, stringRuleOf, validUser, codePointLength, type UserBody } from '../../fixtures/index.js';
import type { PropertyCheck } from '../check.js';
import { safeTodayForValidData } from '../check-dates.js';
import { expectCreated } from '../expect.js';

const nonAsciiLetter = nameLetter.filter((c) => /[^\x00-\x7f]/.test(c));
const exactly = (unit: Arbitrary<string>, length: number) => fc.string({ unit, minLength: length, maxLength: length });

/**
 * A name at the edges of contract §3 (1–max code points after trimming, any
 * Unicode letters, spaces, `'` and `-`): the contract's own examples and
 * other scripts, one letter, exactly the maximum in accented letters (twice
 * as many UTF-8 bytes), the maximum in NFD combining sequences, and names
 * with surrounding spaces that do not count.
 */
function boundaryName(profile: Profile, field: 'firstName' | 'lastName'): Arbitrary<string> {
  const rule = stringRuleOf(profile, field);
  const min = Math.max(rule.minLength, 1);
  const max = rule.maxLength;
  const fits = (name: string) => codePointLength(name.trim()) >= min && codePointLength(name.trim()) <= max;
  const names: Arbitrary<string>[] = [
    exactly(nameLetter, min),
    exactly(nonAsciiLetter, max),
    fc.constant('e\u0301'.repeat(Math.floor(max / 2)) + '\u00e9'.repeat(max % 2)),
    fc.tuple(exactly(nonAsciiLetter, Math.max(min, max - 2)), fc.constantFrom('-', "'", ' ')).map(([letters, mark]) => {
      const chars = Array.from(letters);
      chars.splice(Math.floor(chars.length / 2), 0, mark);
      return chars.join('');
    }),
  ];
  const realistic = realisticNames.filter(fits);
  if (realistic.length > 0) names.unshift(fc.constantFrom(...realistic));
  const core = fc.oneof(...names).filter(fits);
  return rule.trim ? fc.tuple(core, fc.constantFrom('', ' ', '  ')).map(([name, pad]) => pad + name + pad) : core;
}

/** Free text of exactly 1 or exactly the maximum code points, in accented letters and other scripts. */
function boundaryText(profile: Profile, field: FieldName): Arbitrary<string> {
  const rule = stringRuleOf(profile, field);
  return fc.oneof(exactly(nonAsciiLetter, Math.max(rule.minLength, 1)), exactly(nonAsciiLetter, rule.maxLength));
}

/** addressLine2 as the contract allows it: absent, null, empty, or the maximum length. */
function boundaryAddressLine2(profile: Profile): Arbitrary<{ addressLine2?: string | null }> {
  const rule = stringRuleOf(profile, 'addressLine2');
  const variants: Arbitrary<{ addressLine2?: string | null }>[] = [fc.constant({}), exactly(nonAsciiLetter, rule.maxLength).map((v) => ({ addressLine2: v }))];
  if (rule.nullable) variants.push(fc.constant({ addressLine2: null }));
  if (rule.minLength === 0) variants.push(fc.constant({ addressLine2: '' }));
  return fc.oneof(...variants);
}

/** Contract §3's example postal code `A1A 1A1`, with or without its optional space. */
const toggleSpace = (postalCode: string, withSpace: boolean): string => {
  const compact = postalCode.replace(' ', '');
  return withSpace && compact.length === 6 ? `${compact.slice(0, 3)} ${compact.slice(3)}` : compact;
};

/** A valid user pushed to the edges of the field rules of contract §3. */
function boundaryUser(profile: Profile, base: Arbitrary<UserBody>): Arbitrary<UserBody> {
  return fc
    .record({
      base,
      firstName: boundaryName(profile, 'firstName'),
      lastName: boundaryName(profile, 'lastName'),
      addressLine1: boundaryText(profile, 'addressLine1'),
      city: boundaryText(profile, 'city'),
      occupation: boundaryText(profile, 'occupation'),
      line2: boundaryAddressLine2(profile),
      withSpace: fc.boolean(),
    })
    .map(({ base: { addressLine2: _replaced, ...user }, line2, withSpace, ...fields }) => ({
      ...user,
      ...fields,
      ...line2,
      postalCode: toggleSpace(user.postalCode, withSpace),
    }));
}

/**
 * Contract §3 and §5 (positive data acceptance): a valid user whose names are
 * Unicode (accents, apostrophes, hyphens, other scripts, NFD combining marks)
 * at 1 and at the maximum code points after trimming, free text at its
 * length limits in non-ASCII letters, addressLine2 absent, null, empty or at
 * its maximum, and a postal code with or without the space, is created (201).
 */
export const unicodeAndBoundaryAccepted: PropertyCheck<[UserBody]> = {
  kind: 'property',
  id: 'unicode-and-boundary-accepted',
  section: '§5',
  statement: 'valid users with Unicode names and fields at their boundary lengths (in code points) are created: 201',
  tags: ['success', 'positive', 'unicode', 'boundary'],
  arbitraries: (context) => [boundaryUser(context.profile, validUser({ today: safeTodayForValidData(context), profile: context.profile }))],
  async predicate(context, user) {
    const body = { ...user, externalId: context.uniqueExternalId() };
    const exchange = await context.client.send({ json: body });
    expectCreated(
      exchange,
      body.externalId,
      'contract §3/§5: a valid user with Unicode names and fields at their length limits (counted in code points, names after trimming) must be created',
    );
  },
};
