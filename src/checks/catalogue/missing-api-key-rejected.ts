import { validUser, type UserBody } from '../../fixtures/index.js';
import type { PropertyCheck } from '../check.js';
import { safeTodayForValidData } from '../check-dates.js';
import { expectEnvelope } from '../expect.js';

/** contract §1: X-Api-Key is required on every request; a request without it → 401, however well it is signed. */
export const missingApiKeyRejected: PropertyCheck<[UserBody]> = {
  kind: 'property',
  id: 'missing-api-key-rejected',
  section: '§1',
  statement: 'a valid, correctly signed request without X-Api-Key is rejected: 401 unauthorized',
  tags: ['authentication', 'api-key', 'negative'],
  maxRuns: 20,
  arbitraries: (context) => [validUser({ today: safeTodayForValidData(context), profile: context.profile })],
  async predicate(context, user) {
    const apiKey = context.profile.headers.apiKey;
    const exchange = await context.client.send({ json: { ...user, externalId: context.uniqueExternalId() }, headers: { [apiKey]: null } });
    expectEnvelope(exchange, 401, `${apiKey} is required on every request (contract §1): a valid body, signed with the partner's secret, sent without ${apiKey}`);
  },
};
