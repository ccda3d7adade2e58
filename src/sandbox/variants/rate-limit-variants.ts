/**
 * Variants of contract §6: "a target MAY implement a token bucket, a fixed or
 * a sliding window", and `Retry-After` may be delay-seconds or an HTTP-date.
 * The window limiters keep the configured limit as `burst` requests per
 * `burst / requestsPerSecond` seconds, with an honest Retry-After.
 */
import { createFixedWindowLimiter, windowPolicy } from '../fixed-window.js';
import { withHooks, withStep } from '../faults/fault.js';
import { thenAfter } from '../faults/then-after.js';
import type { Pipeline } from '../pipeline.js';
import { createSlidingWindowLimiter } from '../sliding-window.js';
import type { RateLimiter, RateLimitSettings } from '../token-bucket.js';
import type { Variant } from './variant.js';

/**
 * `p` with another limiter of the same settings, and the `RateLimit-Policy`
 * it can state truthfully (none when its window is not whole seconds).
 */
function withLimiter(p: Pipeline, create: (settings: RateLimitSettings) => RateLimiter): Pipeline {
  const settings = p.env.limiter?.settings;
  if (!settings) return p;
  const limiter = create(settings);
  const swapped = withHooks(p, () => ({ takeToken: (apiKey, nowMs) => limiter.take(apiKey, nowMs) }));
  return { ...swapped, env: { ...swapped.env, limiter, rateLimitPolicy: windowPolicy(settings) } };
}

/** The HTTP-date `seconds` after `nowMs`, rounded up to the next whole second, so it never names an earlier instant. */
export const httpDateAfter = (nowMs: number, seconds: number): string => new Date(Math.ceil((nowMs + seconds * 1000) / 1000) * 1000).toUTCString();

export const rateLimitVariants: readonly Variant[] = [
  {
    name: 'retry-after-http-date',
    section: '§6',
    description: 'a 429 carries Retry-After as an HTTP-date (rounded up to the second) instead of delay-seconds',
    apply: (p) =>
      withStep(p, 'rateLimit', (rateLimit) =>
        thenAfter(rateLimit, (outcome, x) => {
          const delay = outcome?.headers?.['Retry-After'];
          if (outcome?.status !== 429 || delay === undefined || !/^\d+$/.test(delay)) return outcome;
          return { ...outcome, headers: { ...outcome.headers, 'Retry-After': httpDateAfter(x.nowMs, Number(delay)) } };
        }),
      ),
  },
  {
    name: 'fixed-window-limiter',
    section: '§6',
    description: 'a fixed-window limiter: burst requests per burst/rate-second window (aligned to the epoch); the count resets at the window edge',
    apply: (p) => withLimiter(p, createFixedWindowLimiter),
  },
  {
    name: 'sliding-window-limiter',
    section: '§6',
    description: 'a sliding-window log limiter: at most burst requests in any burst/rate seconds; Retry-After names when the oldest leaves the window',
    apply: (p) => withLimiter(p, createSlidingWindowLimiter),
  },
];
