import { multiInvalidUser, type MultiInvalidUser } from '../../fixtures/index.js';
import type { PropertyCheck } from '../check.js';
import { safeTodayForInvalidData } from '../check-dates.js';
import { expectEnvelope, fieldErrorNames } from '../expect.js';
import { violation } from '../violation.js';
import { fieldErrorsText, withFreshExternalId } from '../support/field-errors-text.js';

/**
 * Contract §3: "all invalid fields are reported, not only the first": a body
 * with several invalid fields gets one 400 whose `fieldErrors` names each.
 */
export const allInvalidFieldsNamed: PropertyCheck<[MultiInvalidUser]> = {
  kind: 'property',
  id: 'all-invalid-fields-named',
  section: '§3',
  statement: 'a body with several invalid fields gets 400 bad_request whose fieldErrors names every one of them',
  tags: ['validation', 'negative', 'field-errors'],
  arbitraries: (context) => [multiInvalidUser({ today: safeTodayForInvalidData(context), profile: context.profile })],
  async predicate(context, multi) {
    const broken = multi.fields.map((f) => f.field);
    const exchange = await context.client.send({ json: withFreshExternalId(context, multi.body, broken) });
    const rule = `contract §3: all invalid fields are reported, not only the first (${multi.fields.map((f) => f.description).join('; ')})`;
    const envelope = expectEnvelope(exchange, 400, rule);
    const named = new Set(fieldErrorNames(envelope));
    const missing = broken.filter((field) => !named.has(field));
    if (missing.length > 0) {
      throw violation(`${rule}: the 400 has ${fieldErrorsText(envelope)}, missing ${missing.join(', ')}`, {
        expected: `fieldErrors naming ${broken.join(', ')}`,
        actual: fieldErrorsText(envelope),
        exchanges: [exchange],
      });
    }
  },
};
