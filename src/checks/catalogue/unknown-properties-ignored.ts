import fc, { type Arbitrary } from 'fast-check';
import { fieldNames } from '../../contract/field-rules.js';
import { validUser, type UserBody } from '../../fixtures/index.js';
import type { PropertyCheck } from '../check.js';
import { safeTodayForValidData } from '../check-dates.js';
import { expectCreated } from '../expect.js';

const known = new Set<string>([...fieldNames, '__proto__']);

/** Properties the contract does not define: realistic ones a partner's client may send, and arbitrary names and values. */
const unknownProperties: Arbitrary<Record<string, unknown>> = fc.oneof(
  fc.constantFrom<Record<string, unknown>>(
    { middleName: 'Marie' },
    { phone: '+1 514 555 0199' },
    { metadata: { source: 'onboarding-v2', campaign: null } },
    { tags: ['vip', 'fr-CA'] },
    { preferredLanguage: 'fr', consent: true },
  ),
  fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }).filter((key) => !known.has(key)), fc.jsonValue({ maxDepth: 2 }), { minKeys: 1, maxKeys: 4 }),
);

/** Contract §3: "Unknown properties are ignored": a valid user with extra properties is created (201). */
export const unknownPropertiesIgnored: PropertyCheck<[UserBody, Record<string, unknown>]> = {
  kind: 'property',
  id: 'unknown-properties-ignored',
  section: '§3',
  statement: 'a valid user with extra properties the contract does not define is created: 201',
  tags: ['validation', 'positive'],
  arbitraries: (context) => [validUser({ today: safeTodayForValidData(context), profile: context.profile }), unknownProperties],
  async predicate(context, user, extra) {
    const body = { ...user, ...extra, externalId: context.uniqueExternalId() };
    const exchange = await context.client.send({ json: body });
    expectCreated(exchange, body.externalId, `contract §3: unknown properties are ignored, so a valid user with ${Object.keys(extra).map((k) => JSON.stringify(k)).join(', ')} added must be created`);
  },
};
