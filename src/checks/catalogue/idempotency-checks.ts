/** The Idempotency-Key checks, contract §4, in run order. */
import type { Check } from '../check.js';
import { idempotencyConcurrentSingleUser } from './idempotency-concurrent-single-user.js';
import { idempotencyKeyReuseRejected } from './idempotency-key-reuse-rejected.js';
import { idempotencyScopedPerPartner } from './idempotency-scoped-per-partner.js';
import { idempotencyStoredOutcomes } from './idempotency-stored-outcomes.js';
import { idempotentReplay } from './idempotent-replay.js';
import { invalidIdempotencyKeyRejected } from './invalid-idempotency-key-rejected.js';

export const idempotencyChecks: readonly Check[] = [
  invalidIdempotencyKeyRejected,
  idempotentReplay,
  idempotencyKeyReuseRejected,
  idempotencyConcurrentSingleUser,
  idempotencyScopedPerPartner,
  idempotencyStoredOutcomes,
];
