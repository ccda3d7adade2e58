import { invalidIdempotencyKey, validIdempotencyKey, validUser, type UserBody } from '../../fixtures/index.js';
import type { PropertyCheck } from '../check.js';
import { safeTodayForValidData } from '../check-dates.js';
import { expectCreated, expectEnvelope, fieldErrorNames, outcome } from '../expect.js';
import { freshIdempotencyKey } from '../idempotency/fresh-idempotency-key.js';
import { violation } from '../violation.js';

/**
 * Contract §4 (and §2 step 3): an Idempotency-Key that is not a UUID gets 400
 * with a `fieldErrors` entry for the header; a UUID of any version and any
 * case is accepted. The header name comes from the profile and is matched
 * case-insensitively (HTTP header names are).
 */
export const invalidIdempotencyKeyRejected: PropertyCheck<[string, string, UserBody]> = {
  kind: 'property',
  id: 'invalid-idempotency-key-rejected',
  section: '§4',
  statement: 'an Idempotency-Key that is not a UUID gets 400 bad_request naming the header in fieldErrors; UUIDs of any version and case are accepted',
  tags: ['idempotency', 'validation', 'negative', 'positive'],
  maxRuns: 50,
  arbitraries: (context) => [invalidIdempotencyKey(), validIdempotencyKey(), validUser({ today: safeTodayForValidData(context), profile: context.profile })],
  async predicate(context, invalidKey, keyShape, user) {
    const header = context.profile.headers.idempotencyKey;
    const rejectedBody = { ...user, externalId: context.uniqueExternalId() };
    const rejected = await context.client.send({ json: rejectedBody, idempotencyKey: invalidKey });
    const what = `a valid user sent with ${header} ${JSON.stringify(invalidKey)}, not a UUID (contract §4: otherwise 400)`;
    const envelope = expectEnvelope(rejected, 400, what);
    const fields = fieldErrorNames(envelope);
    if (!fields.some((field) => field.toLowerCase() === header.toLowerCase())) {
      throw violation(`${what}: the 400 must name ${header} in fieldErrors, but it names ${fields.length > 0 ? fields.join(', ') : 'no field'}`, {
        expected: `400 bad_request with a fieldErrors entry for ${header}`,
        actual: `${outcome(rejected)} naming ${fields.length > 0 ? fields.join(', ') : 'no field'}`,
        exchanges: [rejected],
      });
    }
    const key = freshIdempotencyKey(keyShape);
    const acceptedBody = { ...user, externalId: context.uniqueExternalId() };
    const accepted = await context.client.send({ json: acceptedBody, idempotencyKey: key });
    expectCreated(accepted, acceptedBody.externalId, `a valid user sent with a new ${header} ${key} (a UUID: any version, any case, contract §4)`);
  },
};
