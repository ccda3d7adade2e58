/**
 * The checks of contract §3 (request body and field rules, conflict, age)
 * and §5 (responses), in run order: the run-wide checks, which judge every
 * exchange recorded so far (`context.recordedExchanges()`), come last.
 */
import type { Check } from '../check.js';
import { ageBoundary } from './age-boundary.js';
import { allInvalidFieldsNamed } from './all-invalid-fields-named.js';
import { duplicateExternalIdConflict } from './duplicate-external-id-conflict.js';
import { errorEnvelope } from './error-envelope.js';
import { freshRequestIds } from './fresh-request-ids.js';
import { hostileInputNoServerError } from './hostile-input-no-server-error.js';
import { jsonCharsetAccepted } from './json-charset-accepted.js';
import { invalidFieldRejected } from './invalid-field-rejected.js';
import { malformedJsonRejected } from './malformed-json-rejected.js';
import { minorRejected } from './minor-rejected.js';
import { noServerError } from './no-server-error.js';
import { nonObjectBodyRejected } from './non-object-body-rejected.js';
import { oversizedBodyRejected } from './oversized-body-rejected.js';
import { unicodeAndBoundaryAccepted } from './unicode-and-boundary-accepted.js';
import { unknownPropertiesIgnored } from './unknown-properties-ignored.js';
import { validUserCreated } from './valid-user-created.js';
import { wrongContentTypeRejected } from './wrong-content-type-rejected.js';

export const bodyAndResponseChecks: readonly Check[] = [
  validUserCreated,
  unicodeAndBoundaryAccepted,
  unknownPropertiesIgnored,
  jsonCharsetAccepted,
  invalidFieldRejected,
  allInvalidFieldsNamed,
  malformedJsonRejected,
  nonObjectBodyRejected,
  wrongContentTypeRejected,
  oversizedBodyRejected,
  duplicateExternalIdConflict,
  minorRejected,
  ageBoundary,
  hostileInputNoServerError,
  // Run-wide: they read every exchange of the run so far.
  errorEnvelope,
  freshRequestIds,
  noServerError,
];
