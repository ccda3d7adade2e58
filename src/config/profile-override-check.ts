/**
 * Compile-time proof that the config's `profile` schema and the `Profile`
 * type agree: the same keys at every level (nothing overridable is missing,
 * nothing unknown is accepted), every value the schema accepts is a valid
 * profile value, and every member of a literal union in `Profile` (an
 * encoding, a status) is accepted. `tsc --noEmit` fails when they drift.
 * Nothing here exists at run time.
 */
import type * as z from 'zod';
import type { BooleanRule, DateRule, EnumRule, StringRule } from '../contract/field-rules.js';
import type { Profile } from '../contract/profile.js';
import type { ruleOverrideSchemas } from './field-override-schema.js';
import type { ProfileOverride } from './profile-override-schema.js';

type KeysMatch<O, P> = [Exclude<keyof O, keyof P>, Exclude<keyof P, keyof O>] extends [never, never] ? true : false;

/** A leaf agrees when the schema's value fits the profile, and a literal union in the profile is fully accepted. */
type LeafAgrees<O, P> = [O] extends [P]
  ? [P] extends [readonly unknown[]]
    ? true
    : string extends P
      ? true
      : number extends P
        ? true
        : [P] extends [O]
          ? true
          : false
  : false;

/** `true` when the override type `O` covers the profile type `P` exactly, recursively. */
export type Agrees<O, P> = [P] extends [readonly unknown[]]
  ? LeafAgrees<O, P>
  : [P] extends [object]
    ? KeysMatch<O, P> extends true
      ? { [K in keyof P]-?: K extends keyof O ? Agrees<NonNullable<O[K]>, NonNullable<P[K]>> : false }[keyof P] extends true
        ? true
        : false
      : false
    : LeafAgrees<O, P>;

type Expect<T extends true> = T;
type Override<K extends keyof typeof ruleOverrideSchemas> = z.infer<(typeof ruleOverrideSchemas)[K]>;
type SigningOverride = Omit<NonNullable<ProfileOverride['signing']>, 'preset'>;

/** Each check names what it proves; a `false` is a compile error on its line. */
export type ProfileOverrideChecks = [
  Expect<Agrees<Omit<ProfileOverride, 'fields' | 'signing'>, Omit<Profile, 'fields' | 'signing'>>>,
  Expect<Agrees<SigningOverride, Profile['signing']>>,
  Expect<KeysMatch<NonNullable<ProfileOverride['fields']>, Profile['fields']>>,
  Expect<Agrees<Override<'string'>, Omit<StringRule, 'kind'>>>,
  Expect<Agrees<Override<'date'>, Omit<DateRule, 'kind'>>>,
  Expect<Agrees<Override<'enum'>, Omit<EnumRule, 'kind'>>>,
  Expect<Agrees<Override<'boolean'>, Omit<BooleanRule, 'kind'>>>,
];
