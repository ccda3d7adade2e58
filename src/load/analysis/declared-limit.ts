/** The rate limit a load run is judged against (contract §6, profile `rateLimit`). */
export interface DeclaredLimit {
  /** Sustained requests per second. */
  readonly requestsPerSecond: number;
  /** Requests that may arrive at once (token-bucket capacity); defaults to one second's worth. */
  readonly burst?: number;
}

/**
 * How far the accepted rate may stray from the declared limit, and a policy
 * header's quota rate from it: ±5 % (issue 4's certification criterion).
 */
export const rateLimitTolerance = 0.05;
