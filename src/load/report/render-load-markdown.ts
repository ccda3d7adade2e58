/** `load.md`: a load run for people in GitHub-flavoured Markdown; also what goes to `$GITHUB_STEP_SUMMARY`. */
import { formatDuration } from '../../report/format-duration.js';
import { markdownCode as code, markdownInline as md } from '../../report/markdown-text.js';
import type { LoadSummary } from '../load-summary.js';
import { formatCount, formatRate, workersText } from './format-load.js';
import { latencyCells, latencyHeader, latencyRows, rateLimitRows, runWarnings, statusCounts } from './load-rows.js';
import { loadVerdict, type LoadOutcome } from './load-verdict.js';

const outcomeIcon: Readonly<Record<LoadOutcome, string>> = { passed: '✅', failed: '❌', inconclusive: '⚠️' };
const okIcon = (ok: boolean | undefined): string => (ok === undefined ? '' : ok ? '✅ ' : '❌ ');
const row = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;

/**
 * Verdict, incomplete/invalid banners, findings, totals, latency per status
 * class, the 429 analysis with the accepted/declared ratio, thresholds,
 * scenario checks and generator health.
 */
export function renderLoadMarkdown(summary: LoadSummary): string {
  const verdict = loadVerdict(summary);
  const parts = [`## ${outcomeIcon[verdict.outcome]} Load · ${md(summary.scenario)}: ${md(verdict.headline)}`];
  for (const warning of runWarnings(summary)) parts.push(`> [!WARNING]\n> ${md(warning)}`);
  parts.push(
    [
      `**Target** ${code(summary.target)} · **Run** ${code(summary.runId)} · **Engine** ${md(summary.engine)} · **Scenario** ${code(summary.scenario)}`,
      `**Started** ${md(summary.startedAt)} · **Duration** ${formatDuration(summary.durationMs)}`,
    ].join('  \n'),
  );
  if (verdict.findings.length > 0) parts.push('### Findings', verdict.findings.map((f) => `- ${md(f)}`).join('\n'));
  const t = summary.totals;
  parts.push(
    '### Totals',
    [
      row(['Offered', 'Sent', 'Dropped', 'Completed', 'Achieved rate']),
      '|--:|--:|--:|--:|--:|',
      row([formatCount(t.offered), formatCount(t.sent), formatCount(t.dropped), formatCount(t.completed), formatRate(t.achievedRps)]),
    ].join('\n'),
    `Status codes: ${md(statusCounts(summary))}`,
    '### Latency',
    [row([...latencyHeader]), '|---|--:|--:|--:|--:|--:|--:|', ...latencyRows(summary).map((r) => row([md(r.label), ...latencyCells(r.latency)]))].join('\n'),
    '### Rate limit (contract §6)',
    ['| | |', '|---|---|', ...rateLimitRows(summary).map((r) => row([md(r.label), `${okIcon(r.ok)}${md(r.value)}`]))].join('\n'),
  );
  const examples = summary.rateLimit.headerCoherence?.examples ?? [];
  if (examples.length > 0) parts.push(`Incoherent rate-limit headers, examples:\n\n${examples.map((e) => `- ${md(e)}`).join('\n')}`);
  if (summary.thresholds.length > 0) {
    parts.push(
      '### Thresholds',
      [
        row(['Result', 'Metric', 'Expression', 'Observed']),
        '|---|---|---|--:|',
        ...summary.thresholds.map((th) => row([th.passed ? '✅ met' : '❌ failed', code(th.metric, true), code(th.expression, true), th.observed === undefined ? '–' : String(+th.observed.toFixed(3))])),
      ].join('\n'),
    );
  }
  if (summary.checks && summary.checks.length > 0) {
    parts.push(
      '### Scenario checks',
      [row(['Result', 'Check', 'Detail']), '|---|---|---|', ...summary.checks.map((c) => row([c.passed ? '✅ passed' : '❌ failed', md(c.name), md(c.detail ?? '')]))].join('\n'),
    );
  }
  if (summary.generator) {
    const g = summary.generator;
    parts.push(`Generator: ${workersText(g.workers)}, event-loop lag p99 ${g.eventLoopLagP99Ms.toFixed(1)} ms, dispatch lag p99 ${g.dispatchLagP99Ms.toFixed(1)} ms.`);
  }
  return `${parts.join('\n\n')}\n`;
}
