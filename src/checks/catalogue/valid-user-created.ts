import { validUser, type UserBody } from '../../fixtures/index.js';
import type { PropertyCheck } from '../check.js';
import { safeTodayForValidData } from '../check-dates.js';
import { expectCreated } from '../expect.js';

export const validUserCreated: PropertyCheck<[UserBody]> = {
  kind: 'property',
  id: 'valid-user-created',
  section: '§5',
  statement: 'every valid user is created: 201 JSON with a UUID userId, the externalId echoed and status pendingCompliance',
  tags: ['success', 'positive'],
  arbitraries: (context) => [validUser({ today: safeTodayForValidData(context), profile: context.profile })],
  async predicate(context, user) {
    const body = { ...user, externalId: context.uniqueExternalId() };
    const exchange = await context.client.send({ json: body });
    expectCreated(exchange, body.externalId, 'a valid user');
  },
};
