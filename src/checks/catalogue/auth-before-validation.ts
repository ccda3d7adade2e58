import type { PropertyCheck } from '../check.js';
import { expectEnvelope } from '../expect.js';
import { invalidRequest, invalidRequestToSend, type InvalidRequest } from '../support/invalid-request.js';
import { describeUnauthentication, unauthenticated, unauthentication, type Unauthentication } from '../support/unauthenticated-request.js';

/**
 * contract §2: authentication is evaluated first and nothing else is
 * evaluated for an unauthenticated request: an invalid body, malformed JSON,
 * a wrong Content-Type, a bad Idempotency-Key or a minor, sent without valid
 * credentials, gets 401, never the 400 or 422 that would tell an anonymous
 * caller about the validation rules.
 */
export const authBeforeValidation: PropertyCheck<[Unauthentication, InvalidRequest]> = {
  kind: 'property',
  id: 'auth-before-validation',
  section: '§2',
  statement: 'an unauthenticated request that is also invalid (bad field, malformed JSON, wrong Content-Type, bad Idempotency-Key, minor) gets 401, not 400 or 422',
  tags: ['order-of-evaluation', 'authentication', 'negative'],
  maxRuns: 60,
  arbitraries: (context) => [unauthentication(context), invalidRequest(context)],
  async predicate(context, how, invalid) {
    const { request, description } = invalidRequestToSend(invalid, context.uniqueExternalId(), context);
    const exchange = await context.client.send(unauthenticated(request, how, context));
    expectEnvelope(
      exchange,
      401,
      `authentication comes first; nothing else is evaluated for an unauthenticated request (contract §2): ${describeUnauthentication(how, context)} carrying ${description}`,
    );
  },
};
