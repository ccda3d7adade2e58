import fc from 'fast-check';
import { validUser, type UserBody } from '../../fixtures/index.js';
import type { PropertyCheck } from '../check.js';
import { safeTodayForValidData } from '../check-dates.js';
import { expectCreated, outcome } from '../expect.js';
import { freshIdempotencyKey } from '../idempotency/fresh-idempotency-key.js';
import { skip, violation } from '../violation.js';

/**
 * Contract §4: keys are scoped to the API key. The second partner sending a
 * key the first partner used, with the same body (same externalId: partners
 * MAY share externalIds, §3) or another one, makes an unrelated first
 * request: its own 201 with its own userId, never the first partner's stored
 * response (nor a mismatch refusal).
 */
export const idempotencyScopedPerPartner: PropertyCheck<[UserBody, UserBody, boolean]> = {
  kind: 'property',
  id: 'idempotency-scoped-per-partner',
  section: '§4',
  statement: "an Idempotency-Key used by one partner is an unrelated new key for another partner: its own 201 and userId, never the first partner's stored response",
  tags: ['idempotency', 'partners'],
  requires: { secondPartner: true },
  maxRuns: 50,
  arbitraries: (context) => {
    const user = validUser({ today: safeTodayForValidData(context), profile: context.profile });
    return [user, user, fc.boolean()];
  },
  async predicate(context, firstUser, otherUser, sameBody) {
    const secondary = context.partners.secondary;
    if (!secondary) throw skip('needs a second partner: set BOCA_API_KEY_2 and BOCA_API_SECRET_2');
    const header = context.profile.headers.idempotencyKey;
    const key = freshIdempotencyKey();
    const first = { ...firstUser, externalId: context.uniqueExternalId() };
    const second = sameBody ? first : { ...otherUser, externalId: context.uniqueExternalId() };

    const one = await context.client.send({ json: first, idempotencyKey: key });
    const firstUserId = expectCreated(one, first.externalId, `a valid user with a new ${header} from the first partner`);

    const two = await context.client.send({ json: second, idempotencyKey: key, sign: { credentials: secondary } });
    const what = `the second partner (${secondary.apiKey}) sending the first partner's ${header} with ${sameBody ? 'the same body' : 'another body'}`;
    const secondUserId = expectCreated(two, second.externalId, `${what} (contract §4: keys are scoped to the API key, so it is a new request)`);
    if (secondUserId === firstUserId) {
      throw violation(`${what} got the first partner's stored response (userId ${firstUserId}): contract §4 says the same key under another API key is an unrelated request`, {
        expected: `201 with a userId of its own, not ${firstUserId}`,
        actual: `${outcome(two)} with userId ${secondUserId}`,
        exchanges: [one, two],
      });
    }
  },
};
