/** A short plain-text summary of a k6 run for stdout (k6's own textSummary needs the network). */
import type { LatencySummary, LoadSummary } from '../load-summary.js';

const ms = (value: number): string => `${value.toFixed(value < 10 ? 2 : 1)} ms`;
const latencyLine = (label: string, l: LatencySummary): string =>
  `  ${label.padEnd(22)} n=${l.count} p50=${ms(l.p50)} p95=${ms(l.p95)} p99=${ms(l.p99)} max=${ms(l.max)}`;

export function loadSummaryText(summary: LoadSummary): string {
  const { totals, rateLimit } = summary;
  const lines = [
    `boca-harness ${summary.scenario} (k6) against ${summary.target}, run ${summary.runId}`,
    `  requests ${totals.sent} in ${(summary.durationMs / 1000).toFixed(1)} s = ${totals.achievedRps.toFixed(1)}/s, dropped ${totals.dropped}`,
    `  statuses ${Object.entries(totals.byStatus).map(([status, count]) => `${status}×${count}`).join(' ') || 'none'}`,
    latencyLine('http_req_duration', summary.latency.fromSend),
    ...Object.entries(summary.latency.byStatusClass).map(([cls, l]) => latencyLine(`  ${cls}`, l!)),
  ];
  if (rateLimit.acceptedRateAboveLimit !== undefined) {
    lines.push(`  accepted above the limit ${rateLimit.acceptedRateAboveLimit.toFixed(1)}/s vs declared ${rateLimit.declared?.requestsPerSecond}/s`);
  }
  if (rateLimit.share429AboveLimit !== undefined || rateLimit.share429BelowLimit !== undefined) {
    const pct = (x: number | undefined) => (x === undefined ? '-' : `${(x * 100).toFixed(1)}%`);
    lines.push(`  429 share above ${pct(rateLimit.share429AboveLimit)}, below ${pct(rateLimit.share429BelowLimit)}`);
  }
  for (const t of summary.thresholds) {
    lines.push(`  ${t.passed ? 'ok  ' : 'FAIL'} ${t.metric}: ${t.expression}${t.observed !== undefined ? ` (${Number(t.observed.toFixed(3))})` : ''}`);
  }
  for (const c of summary.checks ?? []) lines.push(`  ${c.passed ? 'ok  ' : 'FAIL'} check ${c.name}${c.detail ? `: ${c.detail}` : ''}`);
  if (!summary.valid) lines.push(...summary.invalidReasons.map((r) => `  invalid: ${r}`));
  if (!summary.complete) lines.push('  incomplete: the run stopped before its planned end');
  return `${lines.join('\n')}\n`;
}
