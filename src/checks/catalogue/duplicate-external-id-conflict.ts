import fc from 'fast-check';
import { validUser, type UserBody } from '../../fixtures/index.js';
import type { PropertyCheck } from '../check.js';
import { safeTodayForValidData } from '../check-dates.js';
import { expectCreated, expectEnvelope } from '../expect.js';

/**
 * Contract §3: externalId is unique per API key: once a user is created, a
 * second create with the same externalId gets 409 `conflict`, whatever the
 * other fields (another valid user, or the very same body again).
 */
export const duplicateExternalIdConflict: PropertyCheck<[UserBody, UserBody, boolean]> = {
  kind: 'property',
  id: 'duplicate-external-id-conflict',
  section: '§3',
  statement: 'a second create with an externalId already used by this API key gets 409 conflict, whatever the other fields',
  tags: ['conflict', 'external-id'],
  arbitraries: (context) => {
    const user = validUser({ today: safeTodayForValidData(context), profile: context.profile });
    return [user, user, fc.boolean()];
  },
  async predicate(context, first, second, sameBody) {
    const externalId = context.uniqueExternalId();
    const firstBody = { ...first, externalId };
    const created = await context.client.send({ json: firstBody });
    expectCreated(created, externalId, 'a valid user (the first create of its externalId)');
    const secondBody = sameBody ? firstBody : { ...second, externalId };
    const duplicate = await context.client.send({ json: secondBody });
    const what = sameBody ? 'the same body sent again' : 'another valid body';
    expectEnvelope(duplicate, 409, `contract §3: externalId is unique per API key, so ${what} with externalId ${externalId} (created just before) gets 409 conflict`);
  },
};
