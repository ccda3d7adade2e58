import fc from 'fast-check';
import { validUser, type UserBody } from '../../fixtures/index.js';
import type { PropertyCheck } from '../check.js';
import type { CheckContext, OutgoingRequest } from '../check-context.js';
import { safeTodayForValidData } from '../check-dates.js';
import { expectEnvelope } from '../expect.js';
import { randomSecret, randomSignature } from '../support/signing-arbitraries.js';

/** How the signature is wrong. */
type WrongSignature =
  | { readonly kind: 'random'; readonly signature: string }
  | { readonly kind: 'random-secret'; readonly secret: string }
  | { readonly kind: 'other-partner-secret' };

const wrongSignature = (context: CheckContext) =>
  fc.oneof(
    randomSignature(context.profile).map((signature): WrongSignature => ({ kind: 'random', signature })),
    randomSecret(context.profile).map((secret): WrongSignature => ({ kind: 'random-secret', secret })),
    ...(context.partners.secondary ? [fc.constant<WrongSignature>({ kind: 'other-partner-secret' })] : []),
  );

function wrongly(request: OutgoingRequest, wrong: WrongSignature, context: CheckContext): { request: OutgoingRequest; description: string } {
  const { primary, secondary } = context.partners;
  switch (wrong.kind) {
    case 'random':
      return { request: { ...request, headers: { [context.profile.headers.signature]: wrong.signature } }, description: `the well-formed but wrong signature ${wrong.signature}` };
    case 'random-secret':
      return { request: { ...request, sign: { credentials: { apiKey: primary.apiKey, secret: wrong.secret } } }, description: 'a signature made with a secret no partner holds' };
    case 'other-partner-secret':
      return { request: { ...request, sign: { credentials: { apiKey: primary.apiKey, secret: secondary!.secret } } }, description: "a signature made with the second partner's secret" };
  }
}

/** contract §1: a wrong X-Request-Signature → 401: random, or the HMAC of the right canonical string under another secret. */
export const wrongSignatureRejected: PropertyCheck<[UserBody, WrongSignature]> = {
  kind: 'property',
  id: 'wrong-signature-rejected',
  section: '§1',
  statement: "a valid request whose X-Request-Signature is not the HMAC under the partner's secret is rejected: 401 unauthorized",
  tags: ['authentication', 'signature', 'negative'],
  maxRuns: 30,
  arbitraries: (context) => [validUser({ today: safeTodayForValidData(context), profile: context.profile }), wrongSignature(context)],
  async predicate(context, user, wrong) {
    const { request, description } = wrongly({ json: { ...user, externalId: context.uniqueExternalId() } }, wrong, context);
    const exchange = await context.client.send(request);
    expectEnvelope(exchange, 401, `a wrong ${context.profile.headers.signature} must be rejected (contract §1): a valid request with ${description}`);
  },
};
