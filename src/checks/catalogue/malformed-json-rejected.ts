import { malformedJson } from '../../fixtures/index.js';
import type { PropertyCheck } from '../check.js';
import { expectEnvelope } from '../expect.js';

/** Contract §3: a body that is not valid JSON (truncated, trailing commas, comments, NaN, …) → 400 envelope. */
export const malformedJsonRejected: PropertyCheck<[string]> = {
  kind: 'property',
  id: 'malformed-json-rejected',
  section: '§3',
  statement: 'a body that is not valid JSON, sent as application/json, gets 400 bad_request',
  tags: ['validation', 'negative', 'body'],
  arbitraries: () => [malformedJson()],
  async predicate(context, text) {
    const exchange = await context.client.send({ body: text });
    expectEnvelope(exchange, 400, `contract §3: the body must be a JSON object, so malformed JSON ${JSON.stringify(text.slice(0, 80))} gets 400 bad_request`);
  },
};
