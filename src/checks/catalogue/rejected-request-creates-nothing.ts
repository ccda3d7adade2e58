import { randomUUID } from 'node:crypto';
import fc, { type Arbitrary } from 'fast-check';
import { validUser, type UserBody } from '../../fixtures/index.js';
import type { Exchange } from '../../http/exchange.js';
import type { PropertyCheck } from '../check.js';
import type { CheckContext } from '../check-context.js';
import { safeTodayForValidData } from '../check-dates.js';
import { expectCreated, outcome } from '../expect.js';
import { violation } from '../violation.js';
import { invalidRequest, invalidRequestToSend, type InvalidRequest } from '../support/invalid-request.js';
import { describeUnauthentication, unauthenticated, unauthentication, type Unauthentication } from '../support/unauthenticated-request.js';

/** Why the request carrying the externalId is rejected. */
type Rejection =
  | { readonly kind: 'unauthenticated'; readonly how: Unauthentication }
  | { readonly kind: 'invalid'; readonly invalid: InvalidRequest }
  | { readonly kind: 'idempotency-mismatch'; readonly first: UserBody };

const rejection = (context: CheckContext): Arbitrary<Rejection> =>
  fc.oneof(
    unauthentication(context).map((how): Rejection => ({ kind: 'unauthenticated', how })),
    invalidRequest(context, { carriesExternalId: true }).map((invalid): Rejection => ({ kind: 'invalid', invalid })),
    validUser({ today: safeTodayForValidData(context), profile: context.profile }).map((first): Rejection => ({ kind: 'idempotency-mismatch', first })),
  );

/** Sends the rejected request (after its setup, if any); the rejected exchange comes last. */
async function sendRejected(context: CheckContext, r: Rejection, user: UserBody): Promise<{ exchanges: Exchange[]; description: string }> {
  switch (r.kind) {
    case 'unauthenticated':
      return { exchanges: [await context.client.send(unauthenticated({ json: user }, r.how, context))], description: describeUnauthentication(r.how, context) };
    case 'invalid': {
      const { request, description } = invalidRequestToSend(r.invalid, user.externalId, context);
      return { exchanges: [await context.client.send(request)], description: `a request carrying ${description}` };
    }
    case 'idempotency-mismatch': {
      const idempotencyKey = randomUUID();
      const first = { ...r.first, externalId: context.uniqueExternalId() };
      const created = await context.client.send({ json: first, idempotencyKey });
      expectCreated(created, first.externalId, `setting up an ${context.profile.headers.idempotencyKey} already used: a valid user`);
      const reused = await context.client.send({ json: user, idempotencyKey });
      return { exchanges: [created, reused], description: `a valid user sent with an ${context.profile.headers.idempotencyKey} already used for another body` };
    }
  }
}

/**
 * contract §2: a rejected request (401, 400, 422) MUST create no user.
 * Without a read endpoint the proof is the 409 oracle: after the rejected
 * request carrying externalId X, a valid create with X (a fresh
 * Idempotency-Key or none) must get 201, not 409. A request that was not
 * rejected proves nothing here (other checks report the missing rejection);
 * a 409 rejection cannot be observed this way, and 429 belongs to §6.
 */
export const rejectedRequestCreatesNothing: PropertyCheck<[UserBody, Rejection, boolean]> = {
  kind: 'property',
  id: 'rejected-request-creates-nothing',
  section: '§2',
  statement: 'no rejected request (401, 400, 422) creates a user: a later valid create with its externalId gets 201, not 409',
  tags: ['order-of-evaluation', 'side-effects', 'negative'],
  maxRuns: 50,
  arbitraries: (context) => [validUser({ today: safeTodayForValidData(context), profile: context.profile }), rejection(context), fc.boolean()],
  async predicate(context, valid, r, freshKey) {
    const user = { ...valid, externalId: context.uniqueExternalId() };
    const { exchanges, description } = await sendRejected(context, r, user);
    const rejected = exchanges.at(-1)!;
    if (!rejected.response || rejected.response.status < 400) return;
    const create = await context.client.send({ json: user, ...(freshKey ? { idempotencyKey: randomUUID() } : {}) });
    const context409 = `A rejected request MUST create no user (contract §2): after ${description} was answered ${outcome(rejected)}, a valid create with its externalId ${user.externalId}`;
    if (create.response?.status === 409) {
      throw violation(`${context409} got ${outcome(create)}: the rejected request created the user`, {
        expected: '201 (the externalId is still free)',
        actual: outcome(create),
        exchanges: [...exchanges, create],
      });
    }
    expectCreated(create, user.externalId, context409);
  },
};
