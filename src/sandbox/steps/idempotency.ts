/** Steps 3 and 4 of contract §2: Idempotency-Key format (400) and lookup (replay, mismatch, in flight; §4). */
import { uuidPattern } from '../../contract/responses.js';
import { errorOutcome } from '../error-outcome.js';
import type { Step } from '../pipeline.js';

export const idempotencyKeyFormat: Step = (x, p) => {
  const key = x.headers[p.env.headerKeys.idempotencyKey];
  if (key === undefined) return undefined;
  const field = p.env.profile.headers.idempotencyKey;
  if (typeof key !== 'string' || !uuidPattern.test(key)) {
    return errorOutcome(p, 400, `${field} must be a UUID`, [{ field, message: 'Must be a UUID (8-4-4-4-12 hexadecimal digits)' }]);
  }
  x.idempotencyKey = key;
  return undefined;
};

/**
 * Replays a stored result, refuses another body under the same key, refuses a
 * key in flight, or claims the key for this request. Lookup and claim happen
 * in one tick, so two requests can never both claim one key.
 */
export const idempotencyLookup: Step = (x, p) => {
  if (x.idempotencyKey === undefined || !x.partner) return undefined;
  const slot = { scope: p.hooks.idempotencyScope(x.partner.apiKey), key: x.idempotencyKey };
  const fingerprint = p.hooks.fingerprint(x);
  const stored = p.env.store.findResponse(slot, x.nowMs);
  if (stored) {
    if (!p.hooks.fingerprintsMatch(stored.fingerprint, fingerprint)) {
      return errorOutcome(p, p.env.profile.idempotency.mismatchStatus, `This ${p.env.profile.headers.idempotencyKey} was already used with a different request body`);
    }
    return { status: stored.status, body: stored.body, replayed: true };
  }
  if (!p.hooks.claimInFlight(slot)) {
    return errorOutcome(p, 409, `A request with this ${p.env.profile.headers.idempotencyKey} is still being processed; retry later`);
  }
  x.claim = { slot, fingerprint };
  return undefined;
};

/**
 * Simulated processing time (`latencyMs`) while an Idempotency-Key is held,
 * so in-flight handling is observable; requests without a key are not slowed.
 */
export const processingDelay: Step = (x, p) =>
  p.env.latencyMs > 0 && x.claim ? new Promise<undefined>((resolve) => setTimeout(resolve, p.env.latencyMs, undefined)) : undefined;
