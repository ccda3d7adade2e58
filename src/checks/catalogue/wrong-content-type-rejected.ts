import { validUser, wrongContentType, type UserBody } from '../../fixtures/index.js';
import type { PropertyCheck } from '../check.js';
import { safeTodayForValidData } from '../check-dates.js';
import { expectEnvelope } from '../expect.js';

/**
 * Contract §3: the body MUST be sent as `application/json` (a charset
 * parameter allowed); a valid user sent as text/plain, a form, XML, an empty
 * or no Content-Type gets 400, not 201.
 */
export const wrongContentTypeRejected: PropertyCheck<[UserBody, string | undefined]> = {
  kind: 'property',
  id: 'wrong-content-type-rejected',
  section: '§3',
  statement: 'a valid user sent with a Content-Type other than application/json (or none) gets 400 bad_request',
  tags: ['validation', 'negative', 'body', 'content-type'],
  arbitraries: (context) => [validUser({ today: safeTodayForValidData(context), profile: context.profile }), wrongContentType()],
  async predicate(context, user, contentType) {
    const body = { ...user, externalId: context.uniqueExternalId() };
    const exchange = await context.client.send({ json: body, contentType: contentType ?? null });
    const sent = contentType === undefined ? 'no Content-Type' : `Content-Type ${JSON.stringify(contentType)}`;
    expectEnvelope(exchange, 400, `contract §3: the body must be sent as application/json, so a valid user with ${sent} gets 400 bad_request`);
  },
};
