import fc from 'fast-check';
import { validUser, type UserBody } from '../../fixtures/index.js';
import type { PropertyCheck } from '../check.js';
import { safeTodayForValidData } from '../check-dates.js';
import { expectEnvelope } from '../expect.js';
import { randomSecret, unknownApiKey } from '../support/signing-arbitraries.js';

/** Whose secret signs the request with the unknown key. */
type Signer = { readonly secret: 'primary' } | { readonly secret: 'random'; readonly value: string };

/**
 * contract §1: an unknown X-Api-Key → 401, whether the request is signed
 * with a secret nobody holds or with the real partner's secret (a mistyped
 * key must not fall back to whoever's secret happens to verify).
 */
export const unknownApiKeyRejected: PropertyCheck<[UserBody, string, Signer]> = {
  kind: 'property',
  id: 'unknown-api-key-rejected',
  section: '§1',
  statement: 'a valid request with an X-Api-Key no partner owns is rejected: 401 unauthorized, whatever secret signed it',
  tags: ['authentication', 'api-key', 'negative'],
  maxRuns: 30,
  arbitraries: (context) => [
    validUser({ today: safeTodayForValidData(context), profile: context.profile }),
    unknownApiKey(context),
    fc.oneof(fc.constant<Signer>({ secret: 'primary' }), randomSecret(context.profile).map((value): Signer => ({ secret: 'random', value }))),
  ],
  async predicate(context, user, apiKey, signer) {
    const secret = signer.secret === 'primary' ? context.partners.primary.secret : signer.value;
    const exchange = await context.client.send({
      json: { ...user, externalId: context.uniqueExternalId() },
      sign: { credentials: { apiKey, secret } },
    });
    const signedWith = signer.secret === 'primary' ? "the partner's own secret" : 'a secret no partner holds';
    expectEnvelope(
      exchange,
      401,
      `an unknown ${context.profile.headers.apiKey} must be rejected (contract §1): ${JSON.stringify(apiKey)}, signed with ${signedWith}`,
    );
  },
};
