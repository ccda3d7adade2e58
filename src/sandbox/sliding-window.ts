/**
 * A sliding-window (log) rate limiter, contract §6: each API key may make
 * `burst` requests in any `burst / requestsPerSecond` seconds. The accepted
 * requests' times are kept; a request is throttled while `burst` of them lie
 * within the last window, until the oldest leaves it. Throttled requests are
 * not counted.
 */
import { rateLimitWindow, secondsUntil } from './fixed-window.js';
import type { RateDecision, RateLimiter, RateLimitSettings } from './token-bucket.js';

export function createSlidingWindowLimiter(settings: RateLimitSettings): RateLimiter {
  const { windowMs, quota } = rateLimitWindow(settings);
  const logs = new Map<string, number[]>();
  return {
    settings,
    take(apiKey, nowMs): RateDecision {
      let log = logs.get(apiKey);
      if (!log) logs.set(apiKey, (log = []));
      while (log.length > 0 && log[0]! + windowMs <= nowMs) log.shift();
      if (log.length < quota) {
        log.push(nowMs);
        // `t` of RateLimit: when every request counted now has left the window.
        return { allowed: true, remaining: quota - log.length, resetSeconds: secondsUntil(nowMs + windowMs, nowMs, 0) };
      }
      // One request is allowed again once the oldest counted one leaves the window.
      return { allowed: false, remaining: 0, resetSeconds: secondsUntil(log[0]! + windowMs, nowMs, 1) };
    },
  };
}
