import fc from 'fast-check';
import { nonObjectBody, validUser, type UserBody } from '../../fixtures/index.js';
import type { PropertyCheck } from '../check.js';
import { safeTodayForValidData } from '../check-dates.js';
import { expectEnvelope } from '../expect.js';

/** A JSON body that is not an object: as generated, or a valid user wrapped in an array or encoded again as a string. */
export type NonObjectCase =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'user in an array' | 'user encoded as a JSON string'; readonly user: UserBody };

/**
 * Contract §3: the body MUST be a JSON object; null, booleans, numbers,
 * strings and arrays get 400, even an array holding a valid user or a string
 * holding its JSON (a target must not unwrap either).
 */
export const nonObjectBodyRejected: PropertyCheck<[NonObjectCase]> = {
  kind: 'property',
  id: 'non-object-body-rejected',
  section: '§3',
  statement: 'valid JSON that is not an object (null, number, string, array, even [user]) gets 400 bad_request',
  tags: ['validation', 'negative', 'body'],
  arbitraries: (context) => [
    fc.oneof(
      nonObjectBody().map((text): NonObjectCase => ({ kind: 'text', text })),
      fc
        .tuple(fc.constantFrom('user in an array' as const, 'user encoded as a JSON string' as const), validUser({ today: safeTodayForValidData(context), profile: context.profile }))
        .map(([kind, user]): NonObjectCase => ({ kind, user })),
    ),
  ],
  async predicate(context, value) {
    let text: string;
    if (value.kind === 'text') text = value.text;
    else {
      const user = { ...value.user, externalId: context.uniqueExternalId() };
      text = value.kind === 'user in an array' ? JSON.stringify([user]) : JSON.stringify(JSON.stringify(user));
    }
    const what = value.kind === 'text' ? JSON.stringify(text.slice(0, 80)) : `a valid ${value.kind}`;
    const exchange = await context.client.send({ body: text });
    expectEnvelope(exchange, 400, `contract §3: the body must be a JSON object, so ${what} gets 400 bad_request`);
  },
};
