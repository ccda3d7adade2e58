/**
 * A fixed-window rate limiter, contract §6 ("a target MAY implement a token
 * bucket, a fixed or a sliding window"): the clock is cut into windows of
 * `burst / requestsPerSecond` seconds, aligned to the epoch, and each API key
 * may make `burst` requests per window; the count resets at the window edge.
 * The sustained rate is the declared one; at a window edge up to twice the
 * burst may arrive close together, which the contract allows.
 */
import type { RateDecision, RateLimiter, RateLimitSettings } from './token-bucket.js';

/** A window limiter's shape: `quota` requests per `windowMs`. */
export interface RateLimitWindow {
  readonly windowMs: number;
  readonly quota: number;
}

/** The window that keeps `settings`: `burst` requests per `burst / requestsPerSecond` seconds. */
export function rateLimitWindow(settings: RateLimitSettings): RateLimitWindow {
  const { requestsPerSecond: rate, burst } = settings;
  if (!(rate > 0) || !(burst >= 1)) throw new RangeError(`Invalid rate limit: ${rate}/s, burst ${burst}`);
  return { windowMs: (1000 * Math.floor(burst)) / rate, quota: Math.floor(burst) };
}

/**
 * The `RateLimit-Policy` of a window limiter (IETF draft: `w` is whole
 * seconds), or undefined when the window is not a whole number of seconds:
 * rounding it would misstate the quota, so no policy is sent then.
 */
export function windowPolicy(settings: RateLimitSettings): string | undefined {
  const { windowMs, quota } = rateLimitWindow(settings);
  const seconds = windowMs / 1000;
  return Number.isInteger(seconds) && seconds >= 1 ? `"default";q=${quota};w=${seconds}` : undefined;
}

/** Whole seconds until `untilMs`; at least `least`. Float error must never make an honest wait one second short. */
export const secondsUntil = (untilMs: number, nowMs: number, least: number): number => Math.max(least, Math.ceil((untilMs - nowMs) / 1000 - 1e-9));

export function createFixedWindowLimiter(settings: RateLimitSettings): RateLimiter {
  const { windowMs, quota } = rateLimitWindow(settings);
  const windows = new Map<string, { index: number; count: number }>();
  return {
    settings,
    take(apiKey, nowMs): RateDecision {
      const index = Math.floor(nowMs / windowMs);
      let state = windows.get(apiKey);
      if (!state || state.index !== index) windows.set(apiKey, (state = { index, count: 0 }));
      const endMs = (index + 1) * windowMs;
      if (state.count < quota) {
        state.count++;
        return { allowed: true, remaining: quota - state.count, resetSeconds: secondsUntil(endMs, nowMs, 0) };
      }
      // The next window starts at endMs: Retry-After names it (whole seconds, rounded up).
      return { allowed: false, remaining: 0, resetSeconds: secondsUntil(endMs, nowMs, 1) };
    },
  };
}
