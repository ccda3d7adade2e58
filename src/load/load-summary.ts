/**
 * The result of one load run, in one JSON shape whichever engine ran it: the
 * Node engine writes it directly, a k6 scenario's `handleSummary` writes it
 * from k6's end-of-test data, and one renderer (load.json / load.md /
 * load.html) serves both. Fields k6 cannot provide (the per-second timeline,
 * dropped-before-send counts per second, generator lag) are optional.
 * Times are milliseconds (floats, microsecond resolution) unless named otherwise.
 */

/** Percentiles of one latency distribution, ms. */
export interface LatencySummary {
  readonly count: number;
  readonly min: number;
  readonly mean: number;
  readonly p50: number;
  readonly p90: number;
  readonly p95: number;
  readonly p99: number;
  readonly p999?: number;
  readonly max: number;
}

/** Status classes latency is kept apart by: fast 429 rejects must not flatter the 2xx percentiles. */
export type StatusClass = '2xx' | '429' | '4xx' | '5xx' | 'error';

/** One second of the run (Node engine; k6's summary has no timeline). */
export interface TimelinePoint {
  /** Seconds since the start of the run (bucket start). */
  readonly t: number;
  /** Requests scheduled in this second (the offered load). */
  readonly offered: number;
  readonly sent: number;
  /** Could not start on time (generator saturated or out of VUs). */
  readonly dropped: number;
  /** 2xx answers. */
  readonly accepted: number;
  /** 429 answers. */
  readonly throttled: number;
  /** Other 4xx, 5xx and transport errors. */
  readonly failed: number;
  /** Latency of answers completed in this second, from the scheduled time, ms. */
  readonly p50: number;
  readonly p99: number;
}

export interface ThresholdResult {
  /** k6 metric name with optional tag filter, e.g. `http_req_duration{status:201}`. */
  readonly metric: string;
  /** The k6 expression, e.g. `p(99)<500`. */
  readonly expression: string;
  readonly passed: boolean;
  /** The value the expression was evaluated on. */
  readonly observed?: number;
}

/** What the 429 behaviour says about the rate limit (contract §6). */
export interface RateLimitAnalysis {
  /** The limit the run was judged against, if one was declared. */
  readonly declared?: { readonly requestsPerSecond: number; readonly burst?: number };
  /** 2xx per second while the offered load was above the declared limit (steady state, after the burst). */
  readonly acceptedRateAboveLimit?: number;
  /** acceptedRateAboveLimit / declared rate: 1.0 is exact. */
  readonly acceptedToDeclaredRatio?: number;
  /** From the start of the run to the first 429, ms. */
  readonly timeToFirst429Ms?: number;
  /** Share of answers that were 429 while offered load was above / below the declared limit (0..1). */
  readonly share429AboveLimit?: number;
  readonly share429BelowLimit?: number;
  /** Retry-After values seen on 429s, seconds → count (delay-seconds; HTTP-dates converted). */
  readonly retryAfterSeconds: Readonly<Record<string, number>>;
  /** 429s without a (valid) Retry-After. */
  readonly retryAfterMissing: number;
  /**
   * Honesty: requests sent after waiting out Retry-After (closed-model phase),
   * and how many of them were still throttled.
   */
  readonly retryAfterHonesty?: { readonly waitedRequests: number; readonly throttledAfterWaiting: number };
  /** RateLimit / X-RateLimit header coherence, when the target sends them. */
  readonly headerCoherence?: { readonly present: boolean; readonly checked: number; readonly incoherent: number; readonly examples: readonly string[] };
}

export interface LoadSummary {
  readonly schemaVersion: 1;
  readonly runId: string;
  readonly engine: 'node' | 'k6';
  /** Scenario file name without extension: `throughput`, `rate-limit`, `idempotency-storm`. */
  readonly scenario: string;
  readonly target: string;
  readonly startedAt: string;
  readonly durationMs: number;
  /** False when interrupted (Ctrl-C) or stopped early: the figures are partial. */
  readonly complete: boolean;
  /** Why an incomplete run stopped: a signal (Ctrl-C, SIGTERM), or the cap on requests per run (Node engine). */
  readonly stoppedEarly?: 'interrupted' | 'request-cap';
  /** False when the generator saturated (event-loop or dispatch lag): figures understate the target. */
  readonly valid: boolean;
  readonly invalidReasons: readonly string[];
  /** The scenario's k6 options as run (after --rate/--duration/--vus overrides). */
  readonly options: unknown;
  readonly totals: {
    /** Iterations the schedule asked for. */
    readonly offered: number;
    readonly sent: number;
    readonly dropped: number;
    readonly completed: number;
    /** Status code (or `error:<code>`) → count. */
    readonly byStatus: Readonly<Record<string, number>>;
    /** Achieved request rate over the run, requests/s. */
    readonly achievedRps: number;
  };
  readonly latency: {
    /** From the time the schedule said to send (no coordinated omission), all answers. */
    readonly fromScheduled: LatencySummary;
    /** From the moment the request was actually sent (what k6 calls http_req_duration). */
    readonly fromSend: LatencySummary;
    readonly byStatusClass: Readonly<Partial<Record<StatusClass, LatencySummary>>>;
  };
  readonly timeline?: readonly TimelinePoint[];
  readonly rateLimit: RateLimitAnalysis;
  readonly thresholds: readonly ThresholdResult[];
  /** Generator health (Node engine): lags in ms. */
  readonly generator?: { readonly eventLoopLagP99Ms: number; readonly dispatchLagP99Ms: number; readonly workers: number };
  /** Scenario-specific verdicts, e.g. idempotency-storm's "every key maps to exactly one user". */
  readonly checks?: readonly { readonly name: string; readonly passed: boolean; readonly detail?: string }[];
}
