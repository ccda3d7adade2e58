import fc from 'fast-check';
import { jsonSerialisationStyle, serialiseJson, validUser, type JsonSerialisationStyle, type JsonValue, type UserBody } from '../../fixtures/index.js';
import type { PropertyCheck } from '../check.js';
import { safeTodayForValidData } from '../check-dates.js';
import { expectCreated } from '../expect.js';

/**
 * contract §1: BODY_SHA256 is the hash of the exact body bytes sent. A valid
 * user written with other white space, key order or `\uXXXX` escapes than
 * JSON.stringify's, signed over those bytes, is created: the target must
 * verify the bytes it received, not a re-serialisation of the parsed JSON.
 */
export const byteExactSignatureAccepted: PropertyCheck<[UserBody, JsonSerialisationStyle]> = {
  kind: 'property',
  id: 'byte-exact-signature-accepted',
  section: '§1',
  statement: 'a valid user serialised byte-differently (spacing, key order, \\u escapes) and signed over the bytes sent is created: 201',
  tags: ['authentication', 'signature', 'positive'],
  arbitraries: (context) => [validUser({ today: safeTodayForValidData(context), profile: context.profile }), jsonSerialisationStyle()],
  async predicate(context, user, style) {
    const externalId = context.uniqueExternalId();
    const value = JSON.parse(JSON.stringify({ ...user, externalId })) as JsonValue;
    const body = serialiseJson(value, style);
    // Only bytes that differ from JSON.stringify's tell a byte-exact verifier from a re-serialising one.
    fc.pre(body !== JSON.stringify(value));
    const exchange = await context.client.send({ body });
    expectCreated(
      exchange,
      externalId,
      'the signature covers the exact body bytes sent (contract §1: BODY_SHA256 of the bytes, not of a re-serialisation): a valid user in other JSON spacing, key order or escapes, signed over the bytes sent',
    );
  },
};
