import { invalidField, type InvalidField } from '../../fixtures/index.js';
import type { PropertyCheck } from '../check.js';
import { safeTodayForInvalidData } from '../check-dates.js';
import { expectEnvelope } from '../expect.js';
import { violation } from '../violation.js';
import { fieldErrorsText, withFreshExternalId } from '../support/field-errors-text.js';

/**
 * Contract §3: a body with exactly one invalid field (missing, wrong JSON
 * type, too short or long, pattern, format, not a date, before 1900, in the
 * future, not in the enum) is answered 400 `bad_request`, and its
 * `fieldErrors` names that field by its JSON property name, with a message.
 */
export const invalidFieldRejected: PropertyCheck<[InvalidField]> = {
  kind: 'property',
  id: 'invalid-field-rejected',
  section: '§3',
  statement: 'every single-field violation gets 400 bad_request whose fieldErrors names that field',
  tags: ['validation', 'negative', 'field-errors'],
  arbitraries: (context) => [invalidField({ today: safeTodayForInvalidData(context), profile: context.profile })],
  async predicate(context, invalid) {
    const body = withFreshExternalId(context, invalid.body, [invalid.field]);
    const exchange = await context.client.send({ json: body });
    const rule = `contract §3: an invalid field gets 400 bad_request with a fieldErrors entry naming it (${invalid.description})`;
    const envelope = expectEnvelope(exchange, 400, rule);
    const entries: unknown[] = Array.isArray(envelope.fieldErrors) ? envelope.fieldErrors : [];
    const entry = entries.find((e): e is { field: unknown; message?: unknown } => typeof e === 'object' && e !== null && (e as { field?: unknown }).field === invalid.field);
    if (!entry || typeof entry.message !== 'string') {
      const found = entry ? `a fieldErrors entry for ${invalid.field} without a message string` : fieldErrorsText(envelope);
      throw violation(`${rule}: the 400 has ${found}`, {
        expected: `fieldErrors with an entry {field: "${invalid.field}", message}`,
        actual: found,
        exchanges: [exchange],
      });
    }
  },
};
