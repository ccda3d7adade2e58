/** Error answers in the envelope of contract §5. */
import { errorCodes, type FieldError } from '../contract/responses.js';
import type { Outcome } from './exchange.js';
import type { Pipeline } from './pipeline.js';

/**
 * An error outcome: `{error, message, requestId, fieldErrors?}` with a fresh
 * requestId. `code` defaults to the contract's code for `status`.
 */
export function errorOutcome(
  p: Pipeline,
  status: number,
  message: string,
  fieldErrors?: FieldError[],
  code: string = errorCodes[status as keyof typeof errorCodes] ?? 'error',
): Outcome {
  const draft = fieldErrors === undefined
    ? { error: code, message, requestId: p.hooks.newRequestId() }
    : { error: code, message, requestId: p.hooks.newRequestId(), fieldErrors };
  return { status, body: JSON.stringify(p.hooks.errorEnvelope(draft)) };
}
