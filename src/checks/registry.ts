/**
 * The check catalogue: one explicit list, in run order. Rate-limit checks
 * drain the target's bucket, so they run after the other groups; the
 * run-wide checks judge every exchange recorded before them, so they run last.
 * Ids are public API.
 */
import { authenticationChecks } from './catalogue/authentication-checks.js';
import { bodyAndResponseChecks } from './catalogue/body-and-response-checks.js';
import { errorEnvelope } from './catalogue/error-envelope.js';
import { freshRequestIds } from './catalogue/fresh-request-ids.js';
import { idempotencyChecks } from './catalogue/idempotency-checks.js';
import { noServerError } from './catalogue/no-server-error.js';
import { rateLimitChecks } from './catalogue/rate-limit-checks.js';
import type { Check } from './check.js';

const runWideChecks: readonly Check[] = [errorEnvelope, freshRequestIds, noServerError];

export const checkCatalogue: readonly Check[] = [
  ...authenticationChecks,
  ...bodyAndResponseChecks.filter((check) => !runWideChecks.includes(check)),
  ...idempotencyChecks,
  ...rateLimitChecks,
  ...runWideChecks,
];
