/** Helpers of the field-rule checks (contract §3). */
import type { RequestBody } from '../../fixtures/index.js';
import type { CheckContext } from '../check-context.js';
import { fieldErrorNames } from '../expect.js';

/** `fieldErrors` of a 400 envelope in a few words, for failure messages. */
export function fieldErrorsText(envelope: Record<string, unknown>): string {
  if (!('fieldErrors' in envelope)) return 'no fieldErrors';
  if (!Array.isArray(envelope.fieldErrors)) return `fieldErrors ${JSON.stringify(envelope.fieldErrors)} (not an array)`;
  const names = fieldErrorNames(envelope);
  return names.length === 0 ? 'fieldErrors naming no field' : `fieldErrors naming ${names.join(', ')}`;
}

/**
 * `body` with a fresh externalId (so a target that wrongly accepts it does not
 * collide with earlier runs), unless externalId is one of the `broken` fields.
 */
export const withFreshExternalId = (context: CheckContext, body: RequestBody, broken: readonly string[]): RequestBody =>
  broken.includes('externalId') ? body : { ...body, externalId: context.uniqueExternalId() };
