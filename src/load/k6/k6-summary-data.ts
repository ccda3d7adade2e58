/**
 * The parts of k6's end-of-test data (`handleSummary(data)`, the legacy shape,
 * still the default in k6 2.2) that the harness reads. Trend values are keyed
 * by `summaryTrendStats` (`avg`, `med`, `p(99)`, `count`, …), ms for time metrics.
 */

export interface K6MetricData {
  readonly type: 'counter' | 'gauge' | 'rate' | 'trend';
  readonly contains?: string;
  readonly values: Readonly<Record<string, number>>;
  /** Expression → whether it held; only on metrics (and sub-metrics) that have thresholds. */
  readonly thresholds?: Readonly<Record<string, { readonly ok: boolean }>>;
}

export interface K6Check {
  readonly name: string;
  readonly passes: number;
  readonly fails: number;
}

export interface K6Group {
  readonly name: string;
  readonly checks?: readonly K6Check[];
  readonly groups?: readonly K6Group[];
}

export interface K6SummaryData {
  /** Metric name, or `name{tag:value}` for a sub-metric a threshold refers to. */
  readonly metrics: Readonly<Record<string, K6MetricData>>;
  readonly root_group?: K6Group;
  readonly state?: { readonly testRunDurationMs?: number };
  /** What `setup()` returned. */
  readonly setup_data?: unknown;
}
