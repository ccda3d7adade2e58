/**
 * k6's end-of-test data → `LoadSummary`, the JSON shape the Node engine
 * writes too, so one renderer serves both. Pure. What k6's aggregated summary
 * cannot give is left out: no timeline, no latency from the scheduled time
 * (k6's arrival-rate executors start iterations on schedule unless they drop
 * them, so `fromScheduled` repeats `http_req_duration`), no Retry-After histogram.
 */
import type { Options } from 'k6/options';
import type { LatencySummary, LoadSummary, RateLimitAnalysis, StatusClass, ThresholdResult } from '../load-summary.js';
import type { ScenarioParams } from '../scenario-definition.js';
import type { K6Group, K6MetricData, K6SummaryData } from './k6-summary-data.js';
import { k6DurationSeconds } from './k6-duration-seconds.js';
import { statusCounterName, statusFromCounterName } from './status-counters.js';

export interface K6SummaryContext {
  readonly scenario: string;
  readonly runId: string;
  readonly target: string;
  /** The options the bundle exported (after __ENV overrides). */
  readonly options: Options;
  readonly declaredLimit: ScenarioParams['declaredLimit'];
  /** Epoch ms when setup() ran; default: now − the test's duration. */
  readonly startedAtMs?: number;
  /** Epoch ms now (handleSummary time). */
  readonly nowMs: number;
}

const emptyLatency: LatencySummary = { count: 0, min: 0, mean: 0, p50: 0, p90: 0, p95: 0, p99: 0, max: 0 };

/** A Trend's values as a LatencySummary (needs `summaryTrendStats` with count, p(99), p(99.9)). */
export function latencyFromTrend(metric: K6MetricData | undefined): LatencySummary {
  if (!metric) return emptyLatency;
  const v = metric.values;
  const at = (key: string): number => v[key] ?? 0;
  return {
    count: at('count'),
    min: at('min'),
    mean: at('avg'),
    p50: at('med'),
    p90: at('p(90)'),
    p95: at('p(95)'),
    p99: at('p(99)'),
    ...(v['p(99.9)'] !== undefined ? { p999: at('p(99.9)') } : {}),
    max: at('max'),
  };
}

const statusClassOf = (status: number): StatusClass =>
  status === 429 ? '429' : status >= 200 && status < 300 ? '2xx' : status >= 500 ? '5xx' : status === 0 ? 'error' : '4xx';

/** Every threshold k6 evaluated, with the value its aggregation saw when the expression names one. */
export function thresholdResults(metrics: K6SummaryData['metrics']): ThresholdResult[] {
  const results: ThresholdResult[] = [];
  for (const [metric, data] of Object.entries(metrics)) {
    for (const [expression, { ok }] of Object.entries(data.thresholds ?? {})) {
      const aggregation = /^\s*(p\(\d+(?:\.\d+)?\)|avg|min|max|med|count|rate|value)/.exec(expression)?.[1]?.replace(/\s/g, '');
      const observed = aggregation !== undefined ? data.values[aggregation] : undefined;
      results.push({ metric, expression, passed: ok, ...(observed !== undefined ? { observed } : {}) });
    }
  }
  return results;
}

function flattenChecks(group: K6Group | undefined): { name: string; passed: boolean; detail: string }[] {
  if (!group) return [];
  const own = (group.checks ?? []).map((c) => ({ name: c.name, passed: c.fails === 0, detail: `${c.passes} passed, ${c.fails} failed` }));
  return [...own, ...(group.groups ?? []).flatMap(flattenChecks)];
}

/** Seconds until the last scenario's planned end (startTime + duration), when every scenario has a duration. */
function plannedSeconds(options: Options): number | undefined {
  let end = 0;
  for (const scenario of Object.values(options.scenarios ?? {})) {
    const s = scenario as { startTime?: string; duration?: string };
    const duration = s.duration !== undefined ? k6DurationSeconds(s.duration) : undefined;
    if (duration === undefined) return undefined;
    end = Math.max(end, (s.startTime !== undefined ? (k6DurationSeconds(s.startTime) ?? 0) : 0) + duration);
  }
  return end;
}

function phaseSeconds(options: Options, phase: string): number | undefined {
  for (const scenario of Object.values(options.scenarios ?? {})) {
    const s = scenario as { duration?: string; tags?: Record<string, string> };
    if (s.tags?.phase === phase && s.duration !== undefined) return k6DurationSeconds(s.duration);
  }
  return undefined;
}

function rateLimitFrom(metrics: K6SummaryData['metrics'], context: K6SummaryContext): RateLimitAnalysis {
  const value = (name: string, key: string): number | undefined => metrics[name]?.values[key];
  const { declaredLimit } = context;
  const acceptedAbove = value('accepted{phase:above-limit}', 'count');
  const aboveSeconds = phaseSeconds(context.options, 'above-limit');
  // The burst is spent once at the start; the steady rate is what refills.
  const acceptedRateAboveLimit =
    acceptedAbove !== undefined && aboveSeconds ? Math.max(0, acceptedAbove - declaredLimit.burst) / aboveSeconds : undefined;
  const share429AboveLimit = value('throttled_rate{phase:above-limit}', 'rate');
  const share429BelowLimit = value('throttled_rate{phase:below-limit}', 'rate');
  const waitedRequests = value('requests_after_wait', 'count');
  return {
    declared: { requestsPerSecond: declaredLimit.requestsPerSecond, burst: declaredLimit.burst },
    ...(acceptedRateAboveLimit !== undefined
      ? { acceptedRateAboveLimit, acceptedToDeclaredRatio: acceptedRateAboveLimit / declaredLimit.requestsPerSecond }
      : {}),
    ...(share429AboveLimit !== undefined ? { share429AboveLimit } : {}),
    ...(share429BelowLimit !== undefined ? { share429BelowLimit } : {}),
    retryAfterSeconds: {},
    retryAfterMissing: value('retry_after_missing', 'count') ?? 0,
    ...(waitedRequests !== undefined
      ? { retryAfterHonesty: { waitedRequests, throttledAfterWaiting: value('throttled_after_wait', 'count') ?? 0 } }
      : {}),
  };
}

export function loadSummaryFromK6(data: K6SummaryData, context: K6SummaryContext): LoadSummary {
  const { metrics } = data;
  const durationMs = data.state?.testRunDurationMs ?? 0;
  const byStatus: Record<string, number> = {};
  let sent = 0;
  let errors = 0;
  for (const [name, metric] of Object.entries(metrics)) {
    const status = statusFromCounterName(name);
    const count = metric.values.count ?? 0;
    if (status === undefined || count === 0) continue;
    byStatus[status] = count;
    sent += count;
    if (status === statusCounterName.error) errors += count;
  }
  const dropped = metrics.dropped_iterations?.values.count ?? 0;
  const byStatusClass: Partial<Record<StatusClass, LatencySummary>> = {};
  for (const [name, metric] of Object.entries(metrics)) {
    const status = /^http_req_duration\{status:(\d+)\}$/.exec(name)?.[1];
    if (status === undefined) continue;
    const statusClass = statusClassOf(Number(status));
    const latency = latencyFromTrend(metric);
    if ((byStatusClass[statusClass]?.count ?? -1) < latency.count) byStatusClass[statusClass] = latency;
  }
  const planned = plannedSeconds(context.options);
  const complete = planned === undefined || durationMs >= planned * 1000 - 1000;
  const invalidReasons = dropped > 0 ? [`k6 dropped ${dropped} iterations (no free VU): the offered rate was not reached; raise BOCA_VUS`] : [];
  const fromSend = latencyFromTrend(metrics.http_req_duration);
  const checks = flattenChecks(data.root_group);
  return {
    schemaVersion: 1,
    runId: context.runId,
    engine: 'k6',
    scenario: context.scenario,
    target: context.target,
    startedAt: new Date(context.startedAtMs ?? context.nowMs - durationMs).toISOString(),
    durationMs,
    complete,
    valid: invalidReasons.length === 0,
    invalidReasons,
    options: context.options,
    totals: {
      offered: sent + dropped,
      sent,
      dropped,
      completed: sent - errors,
      byStatus,
      achievedRps: durationMs > 0 ? sent / (durationMs / 1000) : 0,
    },
    latency: { fromScheduled: fromSend, fromSend, byStatusClass },
    rateLimit: rateLimitFrom(metrics, context),
    thresholds: thresholdResults(metrics),
    ...(checks.length > 0 ? { checks } : {}),
  };
}
