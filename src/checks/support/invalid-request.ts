/**
 * Requests an authenticated partner would get rejected for (400 or 422),
 * for the checks of the order of evaluation and of side effects (contract §2).
 */
import fc, { type Arbitrary } from 'fast-check';
import {
  invalidField,
  invalidIdempotencyKey,
  malformedJson,
  validUser,
  wrongContentType,
  type InvalidField,
  type UserBody,
} from '../../fixtures/index.js';
import type { CheckContext, OutgoingRequest } from '../check-context.js';
import { clearMinor, safeTodayForInvalidData, safeTodayForValidData } from '../check-dates.js';

/** What is wrong with the request. */
export type InvalidRequest =
  | { readonly kind: 'invalid-field'; readonly invalid: InvalidField }
  | { readonly kind: 'malformed-json'; readonly text: string }
  | { readonly kind: 'minor'; readonly user: UserBody }
  | { readonly kind: 'wrong-content-type'; readonly user: UserBody; readonly contentType: string | undefined }
  | { readonly kind: 'invalid-idempotency-key'; readonly user: UserBody; readonly key: string };

export interface InvalidRequestConstraints {
  /** Only requests that carry an externalId the check chooses (no malformed JSON, externalId never the broken field). Default false. */
  readonly carriesExternalId?: boolean;
}

/** A request that breaks one rule of §3 or §4 that is evaluated after authentication (§2 steps 3–6). */
export function invalidRequest(context: CheckContext, constraints: InvalidRequestConstraints = {}): Arbitrary<InvalidRequest> {
  const profile = context.profile;
  const valid = validUser({ today: safeTodayForValidData(context), profile });
  const brokenField = invalidField({ today: safeTodayForInvalidData(context), profile });
  return fc.oneof(
    (constraints.carriesExternalId ? brokenField.filter((i) => i.field !== 'externalId') : brokenField).map(
      (invalid): InvalidRequest => ({ kind: 'invalid-field', invalid }),
    ),
    ...(constraints.carriesExternalId ? [] : [malformedJson().map((text): InvalidRequest => ({ kind: 'malformed-json', text }))]),
    clearMinor(context).map((user): InvalidRequest => ({ kind: 'minor', user })),
    fc.tuple(valid, wrongContentType()).map(([user, contentType]): InvalidRequest => ({ kind: 'wrong-content-type', user, contentType })),
    fc.tuple(valid, invalidIdempotencyKey()).map(([user, key]): InvalidRequest => ({ kind: 'invalid-idempotency-key', user, key })),
  );
}

/** The request to send, with `externalId` put in its body when it has one that is not the broken field. */
export function invalidRequestToSend(invalid: InvalidRequest, externalId: string, context: CheckContext): { request: OutgoingRequest; description: string } {
  switch (invalid.kind) {
    case 'invalid-field': {
      const { body, field, description } = invalid.invalid;
      return { request: { json: field === 'externalId' ? body : { ...body, externalId } }, description: `an invalid ${field} (${description})` };
    }
    case 'malformed-json':
      return { request: { body: invalid.text }, description: `malformed JSON ${JSON.stringify(invalid.text.slice(0, 60))}` };
    case 'minor':
      return { request: { json: { ...invalid.user, externalId } }, description: `a user under age (dateOfBirth ${invalid.user.dateOfBirth})` };
    case 'wrong-content-type':
      return {
        request: { json: { ...invalid.user, externalId }, contentType: invalid.contentType ?? null },
        description: invalid.contentType === undefined ? 'a valid user sent without Content-Type' : `a valid user sent as ${JSON.stringify(invalid.contentType)}`,
      };
    case 'invalid-idempotency-key':
      return { request: { json: { ...invalid.user, externalId }, idempotencyKey: invalid.key }, description: `a valid user with the invalid ${context.profile.headers.idempotencyKey} ${JSON.stringify(invalid.key)}` };
  }
}
