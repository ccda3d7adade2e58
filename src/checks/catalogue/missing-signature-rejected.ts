import fc from 'fast-check';
import { validUser, type UserBody } from '../../fixtures/index.js';
import type { PropertyCheck } from '../check.js';
import { safeTodayForValidData } from '../check-dates.js';
import { expectEnvelope } from '../expect.js';

/** contract §1: X-Request-Signature is required; a request without it (or with an empty one) → 401. */
export const missingSignatureRejected: PropertyCheck<[UserBody, boolean]> = {
  kind: 'property',
  id: 'missing-signature-rejected',
  section: '§1',
  statement: 'a valid request with X-Api-Key and a fresh X-Request-Timestamp but no X-Request-Signature is rejected: 401 unauthorized',
  tags: ['authentication', 'signature', 'negative'],
  maxRuns: 20,
  arbitraries: (context) => [validUser({ today: safeTodayForValidData(context), profile: context.profile }), fc.boolean()],
  async predicate(context, user, empty) {
    const signature = context.profile.headers.signature;
    const exchange = await context.client.send({ json: { ...user, externalId: context.uniqueExternalId() }, headers: { [signature]: empty ? '' : null } });
    expectEnvelope(exchange, 401, `${signature} is required (contract §1): a valid request ${empty ? `with an empty ${signature}` : `without ${signature}`}`);
  },
};
