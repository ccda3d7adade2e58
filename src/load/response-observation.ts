/**
 * What the Node engine keeps of every request of a load run: enough to build
 * the timeline, the latency histograms' cross-checks and the 429 analysis
 * after the run (pure functions over these records). Times are epoch ms
 * with sub-millisecond precision (performance.timeOrigin + performance.now()).
 */
export interface ResponseObservation {
  /** The k6 scenario (key of options.scenarios) that ran the iteration. */
  readonly scenario: string;
  /** When the schedule said to send (open model); equals sentAtMs in closed-model phases. */
  readonly scheduledAtMs: number;
  readonly sentAtMs: number;
  readonly receivedAtMs: number;
  /** HTTP status, or 0 for a transport error. */
  readonly status: number;
  /** Transport error code when status is 0 (timeout, connection-refused, …). */
  readonly error?: string;
  /** Raw Retry-After header of a 429, if any. */
  readonly retryAfter?: string;
  /** Raw rate-limit headers, if the target sent any (lower-case names: ratelimit, ratelimit-policy, x-ratelimit-*). */
  readonly rateLimitHeaders?: Readonly<Record<string, string>>;
  /** The request's metric tags (e.g. phase). */
  readonly tags?: Readonly<Record<string, string>>;
  /** True when the iteration waited out a Retry-After before sending (closed-model honesty phase). */
  readonly afterRetryAfterWait?: boolean;
}

/** An iteration the schedule asked for that could not start on time (no free VU, generator behind). */
export interface DroppedIteration {
  readonly scenario: string;
  readonly scheduledAtMs: number;
}
