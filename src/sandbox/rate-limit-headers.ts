/**
 * Rate-limit response headers, contract §6: `Retry-After` (delay-seconds) on a
 * 429, and the IETF draft-ietf-httpapi-ratelimit-headers structured fields on
 * every authenticated response:
 *   RateLimit-Policy: "default";q=<burst>;w=<seconds to refill the bucket>
 *   RateLimit: "default";r=<remaining>;t=<seconds>
 * On a 429, `t` equals `Retry-After` (the draft asks both to name the same
 * instant); otherwise it is the time until the bucket is full again.
 */
import type { RateDecision, RateLimitSettings } from './token-bucket.js';

/** The `RateLimit-Policy` value. `w` is rounded up, so q/w never overstates the sustained rate. */
export function rateLimitPolicy(settings: RateLimitSettings): string {
  const windowSeconds = Math.max(1, Math.ceil(settings.burst / settings.requestsPerSecond));
  return `"default";q=${Math.floor(settings.burst)};w=${windowSeconds}`;
}

/** The `RateLimit` value for one decision. */
export const rateLimitValue = (decision: RateDecision): string => `"default";r=${decision.remaining};t=${decision.resetSeconds}`;
