/**
 * Hostile but plausible request bodies for contract §5 ("a server error is
 * never an acceptable answer to any client input"): arbitrary JSON values,
 * valid users with one property replaced by a value of another JSON type, a
 * huge or deeply nested value, unusual Unicode (lone surrogates escaped, null
 * bytes, bidi controls, lone combining marks), or an unusual valid name.
 * Bodies are descriptions; `hostileBodyText` renders one with a fresh
 * externalId, so shrinking and replays never collide with earlier users.
 */
import fc, { type Arbitrary } from 'fast-check';
import { fieldNames } from '../../contract/field-rules.js';
import type { Profile } from '../../contract/profile.js';
import type { CalendarDate } from '../../contract/calendar.js';
import { nameLetter, personName, validUser, type UserBody } from '../../fixtures/index.js';

/** A JSON value as raw text, so that it may hold what `JSON.stringify` cannot produce (1e999, deep nesting). */
const rawValue: Arbitrary<string> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
  fc.constantFrom('1e999', '-1e999', '1e-999', '-0', '123456789012345678901234567890', '0.1e400', '9007199254740993', '{}', '[]', 'null', 'true'),
  fc.integer({ min: 64, max: 4096 }).map((n) => '['.repeat(n) + ']'.repeat(n)),
  fc.integer({ min: 64, max: 4096 }).map((n) => '{"a":'.repeat(n) + '1' + '}'.repeat(n)),
  fc.constantFrom(
    '"\\ud800"',
    '"\\udfff"',
    '"Zo\\udc00\\u00eb"',
    '"\\u0000"',
    '"Zoë\\u0000Tremblay"',
    '"\\u202eZoë"',
    '"\\u0301\\u0301\\u0301"',
    '"\\ufeffZoë"',
    '"\\u200d\\u200c"',
    '"👩‍👩‍👧‍👦"',
    '"\\uffff\\ufffe"',
    '"𝔃𝓸ë"',
  ),
  fc.string({ unit: 'binary', maxLength: 40 }).map((s) => JSON.stringify(s)),
  fc.integer({ min: 1000, max: 20_000 }).map((n) => JSON.stringify('é'.repeat(n))),
);

/** Property names: the contract's, unknown ones, and those a careless server trips on. */
const propertyName = fc.oneof(
  fc.constantFrom(...fieldNames),
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '', ' ', 'externalId '),
);

/** A hostile body as data (readable in counterexamples): a raw JSON value, a user with one hostile property, or a user with an unusual valid name. */
export type HostileBody =
  | { readonly kind: 'json value'; readonly text: string }
  | { readonly kind: 'user with a hostile property'; readonly user: UserBody; readonly property: string; readonly raw: string }
  | { readonly kind: 'user with an unusual valid name'; readonly user: UserBody };

/** The arbitrary hostile body, over valid users generated against `today`. */
export function hostileBody(constraints: { readonly today: CalendarDate; readonly profile: Profile }): Arbitrary<HostileBody> {
  const user = validUser(constraints);
  const unusualName = fc.oneof(
    personName({ profile: constraints.profile }),
    fc.string({ unit: nameLetter, minLength: 1, maxLength: 30 }),
  );
  return fc.oneof(
    rawValue.map((text): HostileBody => ({ kind: 'json value', text })),
    fc.tuple(user, propertyName, rawValue).map(([u, property, raw]): HostileBody => ({ kind: 'user with a hostile property', user: u, property, raw })),
    fc.tuple(user, unusualName, unusualName).map(([u, firstName, lastName]): HostileBody => ({ kind: 'user with an unusual valid name', user: { ...u, firstName, lastName } })),
  );
}

/** The body text of `body`, with `externalId` (fresh) unless the hostile property is externalId itself. */
export function hostileBodyText(body: HostileBody, externalId: string): string {
  if (body.kind === 'json value') return body.text;
  const user: Record<string, unknown> = { ...body.user, externalId };
  if (body.kind === 'user with an unusual valid name') return JSON.stringify(user);
  const entries = Object.entries(user).filter(([key]) => key !== body.property);
  const members = entries.map(([key, value]) => `${JSON.stringify(key)}:${JSON.stringify(value)}`);
  members.push(`${JSON.stringify(body.property)}:${body.raw}`);
  return `{${members.join(',')}}`;
}

/** A short description of `body` for failure messages. */
export const describeHostileBody = (body: HostileBody): string =>
  body.kind === 'user with a hostile property'
    ? `a valid user whose ${JSON.stringify(body.property)} is ${body.raw.length > 60 ? `${body.raw.slice(0, 60)}… (${body.raw.length} chars)` : body.raw}`
    : body.kind === 'json value'
      ? `the JSON value ${body.text.length > 60 ? `${body.text.slice(0, 60)}… (${body.text.length} chars)` : body.text}`
      : `a valid user named ${JSON.stringify(body.user.firstName)} ${JSON.stringify(body.user.lastName)}`;
