/**
 * The per-API-key rate limiter of contract §6: a token bucket that holds at
 * most `burst` tokens and refills at `requestsPerSecond`. Every authenticated
 * request takes one token; a request that finds less than one is throttled.
 */

export interface RateLimitSettings {
  /** Sustained refill rate, tokens (requests) per second; > 0. */
  readonly requestsPerSecond: number;
  /** Bucket capacity: requests that may arrive at once; ≥ 1. */
  readonly burst: number;
}

/** What the limiter decided for one request. */
export interface RateDecision {
  readonly allowed: boolean;
  /** Whole tokens left after this request. */
  readonly remaining: number;
  /**
   * When throttled: whole seconds after which one token is certainly back
   * (the `Retry-After` delay-seconds, ≥ 1). When allowed: whole seconds until
   * the bucket is full again (0 when it is).
   */
  readonly resetSeconds: number;
}

/**
 * The decision interface every per-key limiter keeps (contract §6 allows a
 * token bucket, a fixed or a sliding window): one call per authenticated request.
 */
export interface RateLimiter {
  readonly settings: RateLimitSettings;
  /** Counts a request of `apiKey` at `nowMs` (epoch ms) if the limit allows it. */
  take(apiKey: string, nowMs: number): RateDecision;
}

/** The token bucket: takes a token from `apiKey`'s bucket, if there is one. */
export type TokenBucketLimiter = RateLimiter;

interface Bucket {
  tokens: number;
  updatedMs: number;
}

/** Float error must never turn "waited exactly Retry-After" into a 429. */
const epsilon = 1e-9;

export function createTokenBucketLimiter(settings: RateLimitSettings): TokenBucketLimiter {
  const { requestsPerSecond: rate, burst } = settings;
  if (!(rate > 0) || !(burst >= 1)) throw new RangeError(`Invalid rate limit: ${rate}/s, burst ${burst}`);
  const perMs = rate / 1000;
  const buckets = new Map<string, Bucket>();
  return {
    settings,
    take(apiKey, nowMs) {
      let bucket = buckets.get(apiKey);
      if (!bucket) buckets.set(apiKey, (bucket = { tokens: burst, updatedMs: nowMs }));
      else if (nowMs > bucket.updatedMs) {
        bucket.tokens = Math.min(burst, bucket.tokens + (nowMs - bucket.updatedMs) * perMs);
        bucket.updatedMs = nowMs;
      }
      if (bucket.tokens >= 1 - epsilon) {
        bucket.tokens = Math.max(0, bucket.tokens - 1);
        return { allowed: true, remaining: Math.floor(bucket.tokens + epsilon), resetSeconds: Math.ceil((burst - bucket.tokens) / rate - epsilon) };
      }
      return { allowed: false, remaining: 0, resetSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / rate - epsilon)) };
    },
  };
}
