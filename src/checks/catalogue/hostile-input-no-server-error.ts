import type { PropertyCheck } from '../check.js';
import { safeTodayForValidData } from '../check-dates.js';
import { outcome, responded } from '../expect.js';
import { violation } from '../violation.js';
import { describeHostileBody, hostileBody, hostileBodyText, type HostileBody } from '../support/hostile-body.js';

/**
 * Contract §5: "a server error is never an acceptable answer to any client
 * input". Hostile but plausible bodies (any JSON value, fields of every JSON
 * type, huge numbers, deep nesting, lone surrogates, null bytes, unusual
 * valid names), correctly signed, never get a 5xx.
 */
export const hostileInputNoServerError: PropertyCheck<[HostileBody]> = {
  kind: 'property',
  id: 'hostile-input-no-server-error',
  section: '§5',
  statement: 'no hostile but plausible body (any JSON type, huge, deeply nested, odd Unicode) gets a 5xx',
  tags: ['server-error', 'fuzz'],
  arbitraries: (context) => [hostileBody({ today: safeTodayForValidData(context), profile: context.profile })],
  async predicate(context, body) {
    const exchange = await context.client.send({ body: hostileBodyText(body, context.uniqueExternalId()) });
    const rule = `contract §5: a server error is never an acceptable answer to any client input; ${describeHostileBody(body)}`;
    const { status } = responded(exchange, rule);
    if (status >= 500) {
      throw violation(`${rule} got ${outcome(exchange)}`, { expected: 'a 2xx or 4xx answer', actual: outcome(exchange), exchanges: [exchange] });
    }
  },
};
