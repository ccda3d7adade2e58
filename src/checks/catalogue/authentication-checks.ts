/**
 * The checks of contract §1 (authentication, signature, clock skew) and §2
 * (order of evaluation and side effects), in run order.
 */
import type { Check } from '../check.js';
import { authBeforeValidation } from './auth-before-validation.js';
import { evaluationOrderAfterAuthentication } from './evaluation-order-after-authentication.js';
import { byteExactSignatureAccepted } from './byte-exact-signature-accepted.js';
import { malformedTimestampRejected } from './malformed-timestamp-rejected.js';
import { missingApiKeyRejected } from './missing-api-key-rejected.js';
import { missingSignatureRejected } from './missing-signature-rejected.js';
import { rejectedRequestCreatesNothing } from './rejected-request-creates-nothing.js';
import { tamperedRequestRejected } from './tampered-request-rejected.js';
import { timestampInsideWindowAccepted } from './timestamp-inside-window-accepted.js';
import { timestampOutsideWindowRejected } from './timestamp-outside-window-rejected.js';
import { unknownApiKeyRejected } from './unknown-api-key-rejected.js';
import { wrongSignatureRejected } from './wrong-signature-rejected.js';

export const authenticationChecks: readonly Check[] = [
  missingApiKeyRejected,
  unknownApiKeyRejected,
  missingSignatureRejected,
  wrongSignatureRejected,
  tamperedRequestRejected,
  byteExactSignatureAccepted,
  timestampInsideWindowAccepted,
  timestampOutsideWindowRejected,
  malformedTimestampRejected,
  authBeforeValidation,
  evaluationOrderAfterAuthentication,
  rejectedRequestCreatesNothing,
];
