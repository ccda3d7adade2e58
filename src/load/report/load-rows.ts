/** The rows both the Markdown and the HTML load report show, as plain text (each renderer escapes). */
import { rateLimitTolerance } from '../analysis/declared-limit.js';
import type { LatencySummary, LoadSummary, StatusClass } from '../load-summary.js';
import { formatCount, formatMs, formatPercent, formatRate, formatRatio } from './format-load.js';

export interface LatencyRow {
  readonly label: string;
  readonly latency: LatencySummary;
}

const classLabels: Readonly<Record<StatusClass, string>> = {
  '2xx': '2xx answers',
  '429': '429 answers',
  '4xx': 'other 4xx answers',
  '5xx': '5xx answers',
  error: 'transport errors',
};

/** All answers from the scheduled time and from the send, then one row per status class present (from the scheduled time). */
export function latencyRows(summary: LoadSummary): LatencyRow[] {
  const rows: LatencyRow[] = [
    { label: 'all, from scheduled time', latency: summary.latency.fromScheduled },
    { label: 'all, from send', latency: summary.latency.fromSend },
  ];
  // An explicit order: '429' is an integer-like key, which objects enumerate first.
  for (const statusClass of ['2xx', '429', '4xx', '5xx', 'error'] as const) {
    const latency = summary.latency.byStatusClass[statusClass];
    if (latency && latency.count > 0) rows.push({ label: classLabels[statusClass], latency });
  }
  return rows;
}

/** count, p50, p90, p95, p99, max as table cells. */
export const latencyCells = (l: LatencySummary): string[] => [formatCount(l.count), formatMs(l.p50), formatMs(l.p90), formatMs(l.p95), formatMs(l.p99), formatMs(l.max)];

export const latencyHeader = ['Answers', 'Count', 'p50', 'p90', 'p95', 'p99', 'max'] as const;

export interface RateLimitRow {
  readonly label: string;
  readonly value: string;
  /** True/false when the row is a pass/fail judgement, undefined when it only informs. */
  readonly ok?: boolean;
}

/** The 429 analysis (contract §6), row by row. */
export function rateLimitRows(summary: LoadSummary): RateLimitRow[] {
  const r = summary.rateLimit;
  const rows: RateLimitRow[] = [];
  rows.push({ label: 'Declared limit', value: r.declared ? `${formatRate(r.declared.requestsPerSecond)}${r.declared.burst !== undefined ? `, burst ${r.declared.burst}` : ''}` : 'none declared' });
  if (r.acceptedRateAboveLimit !== undefined && r.acceptedToDeclaredRatio !== undefined) {
    const ok = Math.abs(r.acceptedToDeclaredRatio - 1) <= rateLimitTolerance;
    rows.push({
      label: 'Accepted rate above the limit (steady state)',
      value: `${formatRate(r.acceptedRateAboveLimit)}: ${formatRatio(r.acceptedToDeclaredRatio)} the declared limit (±${rateLimitTolerance * 100} % allowed)`,
      ok,
    });
  } else rows.push({ label: 'Accepted rate above the limit (steady state)', value: 'not measured (the offered load did not stay above the declared limit past the burst)' });
  rows.push({ label: 'Time to first 429', value: r.timeToFirst429Ms !== undefined ? formatMs(r.timeToFirst429Ms) : 'no 429 answer' });
  if (r.share429AboveLimit !== undefined) rows.push({ label: 'Share of 429 above the limit', value: formatPercent(r.share429AboveLimit) });
  if (r.share429BelowLimit !== undefined) rows.push({ label: 'Share of 429 below the limit', value: formatPercent(r.share429BelowLimit) });
  const retryAfter = Object.entries(r.retryAfterSeconds).map(([seconds, count]) => `${seconds} s × ${formatCount(count)}`);
  rows.push({
    label: 'Retry-After on 429',
    value: `${retryAfter.length > 0 ? retryAfter.join(', ') : 'none'}; missing or invalid: ${formatCount(r.retryAfterMissing)}`,
    ...((retryAfter.length > 0 || r.retryAfterMissing > 0) && { ok: r.retryAfterMissing === 0 }),
  });
  if (r.retryAfterHonesty) {
    rows.push({
      label: 'Retry-After honesty',
      value: `${formatCount(r.retryAfterHonesty.waitedRequests)} requests sent after waiting it out, ${formatCount(r.retryAfterHonesty.throttledAfterWaiting)} throttled again`,
      ok: r.retryAfterHonesty.throttledAfterWaiting === 0,
    });
  }
  const c = r.headerCoherence;
  if (c?.present) rows.push({ label: 'RateLimit headers', value: `${formatCount(c.checked)} responses checked, ${formatCount(c.incoherent)} incoherent`, ok: c.incoherent === 0 });
  else rows.push({ label: 'RateLimit headers', value: 'not sent by the target' });
  return rows;
}

/** `201 × 1,234 · 429 × 56`, status codes in ascending order. */
export function statusCounts(summary: LoadSummary): string {
  const entries = Object.entries(summary.totals.byStatus).sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }));
  return entries.length > 0 ? entries.map(([status, count]) => `${status} × ${formatCount(count)}`).join(' · ') : 'no answers';
}

/** Why the run cannot be trusted, one sentence each (empty when valid and complete). */
export function runWarnings(summary: LoadSummary): string[] {
  const warnings: string[] = [];
  if (!summary.complete) {
    const why = summary.stoppedEarly === 'request-cap' ? 'it stopped at the cap on requests per run' : summary.stoppedEarly === 'interrupted' ? 'it was interrupted' : 'it was interrupted or stopped early';
    warnings.push(`Incomplete run: ${why}, so these figures are partial.`);
  }
  if (!summary.valid) {
    const reasons = summary.invalidReasons.length > 0 ? ` (${summary.invalidReasons.join('; ')})` : '';
    warnings.push(`Invalid run: the load generator saturated${reasons}, so the figures understate what the target can do.`);
  }
  return warnings;
}
