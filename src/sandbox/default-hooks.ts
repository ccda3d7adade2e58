/** The healthy decisions of every step: the default profile as contract.md writes it. */
import { randomUUID } from 'node:crypto';
import { parseRfc3339 } from '../contract/rfc3339.js';
import { validateUser } from '../contract/validate-user.js';
import type { Exchange } from './exchange.js';
import type { Hooks, SandboxEnv } from './pipeline.js';
import { requestFingerprint } from './request-fingerprint.js';
import type { IdempotencySlot } from './store.js';

const slotId = (slot: IdempotencySlot): string => `${slot.scope}\u0000${slot.key}`;

export function createDefaultHooks(env: SandboxEnv): Hooks {
  const windowMs = env.profile.clockSkew.windowSeconds * 1000;
  const inFlight = new Set<string>();
  const fingerprintKind = env.profile.idempotency.fingerprint;
  const bodyText = (x: Exchange) => () => x.body.bytes.toString('utf8');
  return {
    newRequestId: () => `req-${randomUUID()}`,
    errorEnvelope: (draft) => draft,
    parseTimestamp: parseRfc3339,
    timestampInWindow: (timestampMs, nowMs) => Math.abs(timestampMs - nowMs) <= windowMs,
    verifySignature: (x, partner, presented) =>
      env.verifier.verify(
        {
          method: x.method,
          target: x.target,
          timestamp: String(x.headers[env.headerKeys.timestamp]),
          bodySha256: x.body.sha256,
          bodyText: bodyText(x),
        },
        partner,
        presented,
      ),
    takeToken: (apiKey, nowMs) => env.limiter?.take(apiKey, nowMs),
    throttledHeaders: (decision) => ({ 'Retry-After': String(decision.resetSeconds) }),
    idempotencyScope: (apiKey) => apiKey,
    fingerprint: (x) => requestFingerprint(fingerprintKind, x.body),
    fingerprintsMatch: (stored, presented) => stored === presented,
    claimInFlight(slot) {
      const id = slotId(slot);
      if (inFlight.has(id)) return false;
      inFlight.add(id);
      return true;
    },
    releaseInFlight: (slot) => void inFlight.delete(slotId(slot)),
    fieldErrors: (user, today) => validateUser(user, env.profile, today).map(({ field, message }) => ({ field, message })),
  };
}
