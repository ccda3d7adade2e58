/** The body of a load report in HTML: shared by load.html and certification.html. */
import { escapeXml as h } from '../../report/escape-xml.js';
import { rateLimitTolerance } from '../analysis/declared-limit.js';
import type { LoadSummary } from '../load-summary.js';
import { formatCount, formatMs, formatPercent, formatRate, formatRatio, workersText } from './format-load.js';
import { latencyChart, rateChart, retryAfterChart } from './load-charts.js';
import { latencyCells, latencyHeader, latencyRows, rateLimitRows, runWarnings, statusCounts } from './load-rows.js';
import { loadVerdict } from './load-verdict.js';

export interface LoadSectionOptions {
  /** Prefix of the ids in the section (charts), unique in the page. */
  readonly idPrefix: string;
  /** Heading level of the section's sub-headings (default 2). */
  readonly headingLevel?: 2 | 3;
}

const okClass = (ok: boolean | undefined): string => (ok === undefined ? '' : ok ? ' class="ok"' : ' class="not-ok"');
const okMark = (ok: boolean | undefined): string => (ok === undefined ? '' : ok ? '✓ ' : '✗ ');

function table(head: readonly string[], rows: readonly (readonly string[])[], numericFrom = 1): string {
  const cell = (tag: string, text: string, i: number): string => `<${tag}${i >= numericFrom ? ' class="num"' : ''}>${text}</${tag}>`;
  return [
    '<table class="data">',
    `<thead><tr>${head.map((c, i) => cell('th', h(c), i)).join('')}</tr></thead>`,
    `<tbody>${rows.map((r) => `<tr>${r.map((c, i) => cell('td', c, i)).join('')}</tr>`).join('\n')}</tbody>`,
    '</table>',
  ].join('\n');
}

/** The few numbers a reader looks for first. */
function headlineFigures(summary: LoadSummary): string {
  const r = summary.rateLimit;
  const figures: [string, string, string][] = [['Achieved rate', formatRate(summary.totals.achievedRps), '']];
  if (r.acceptedToDeclaredRatio !== undefined) {
    const ok = Math.abs(r.acceptedToDeclaredRatio - 1) <= rateLimitTolerance;
    figures.push(['Accepted / declared limit', formatRatio(r.acceptedToDeclaredRatio), `ratio ${ok ? 'ok' : 'not-ok'}`]);
  }
  const twoXx = summary.latency.byStatusClass['2xx'];
  figures.push([twoXx ? 'p99 of 2xx' : 'p99 of all answers', formatMs((twoXx ?? summary.latency.fromScheduled).p99), '']);
  if (r.share429AboveLimit !== undefined) figures.push(['429 above the limit', formatPercent(r.share429AboveLimit), '']);
  if (summary.totals.dropped > 0) figures.push(['Dropped', formatCount(summary.totals.dropped), 'not-ok']);
  return `<dl class="headline-figures">${figures.map(([k, v, c]) => `<div><dt>${h(k)}</dt><dd${c ? ` class="${c}"` : ''}>${h(v)}</dd></div>`).join('')}</dl>`;
}

/**
 * Headline figures, banners for an incomplete or invalid run, findings, the
 * three plots, then totals, latency per status class, the 429 analysis,
 * thresholds, scenario checks and generator health. Everything from the
 * target is escaped.
 */
export function loadSectionHtml(summary: LoadSummary, options: LoadSectionOptions): string {
  const hn = `h${options.headingLevel ?? 2}`;
  const heading = (text: string): string => `<${hn}>${h(text)}</${hn}>`;
  const verdict = loadVerdict(summary);
  const parts: string[] = [headlineFigures(summary)];
  for (const warning of runWarnings(summary)) parts.push(`<div class="banner" role="alert">${h(warning)}</div>`);
  if (verdict.findings.length > 0) parts.push(heading('Findings'), `<ul class="findings">${verdict.findings.map((f) => `<li>${h(f)}</li>`).join('')}</ul>`);
  parts.push(heading('Plots'), rateChart(summary, options.idPrefix), latencyChart(summary, options.idPrefix), retryAfterChart(summary, options.idPrefix));
  const t = summary.totals;
  parts.push(
    heading('Totals'),
    table(['Offered', 'Sent', 'Dropped', 'Completed', 'Achieved rate'], [[formatCount(t.offered), formatCount(t.sent), formatCount(t.dropped), formatCount(t.completed), formatRate(t.achievedRps)]], 0),
    `<p>Status codes: <span class="mono">${h(statusCounts(summary))}</span></p>`,
    heading('Latency'),
    table(latencyHeader, latencyRows(summary).map((row) => [h(row.label), ...latencyCells(row.latency).map(h)])),
    heading('Rate limit (contract §6)'),
    `<table class="data"><tbody>${rateLimitRows(summary)
      .map((row) => `<tr><th scope="row">${h(row.label)}</th><td${okClass(row.ok)}>${h(okMark(row.ok) + row.value)}</td></tr>`)
      .join('\n')}</tbody></table>`,
  );
  const examples = summary.rateLimit.headerCoherence?.examples ?? [];
  if (examples.length > 0) parts.push(`<p>Incoherent rate-limit headers, examples:</p><ul>${examples.map((e) => `<li><code>${h(e)}</code></li>`).join('')}</ul>`);
  if (summary.thresholds.length > 0) {
    parts.push(
      heading('Thresholds'),
      table(
        ['Result', 'Metric', 'Expression', 'Observed'],
        summary.thresholds.map((th) => [
          `<span${okClass(th.passed)}>${th.passed ? '✓ met' : '✗ failed'}</span>`,
          `<code>${h(th.metric)}</code>`,
          `<code>${h(th.expression)}</code>`,
          th.observed === undefined ? '–' : h(String(+th.observed.toFixed(3))),
        ]),
        3,
      ),
    );
  }
  if (summary.checks && summary.checks.length > 0) {
    parts.push(
      heading('Scenario checks'),
      table(['Result', 'Check', 'Detail'], summary.checks.map((c) => [`<span${okClass(c.passed)}>${c.passed ? '✓ passed' : '✗ failed'}</span>`, h(c.name), h(c.detail ?? '')]), 3),
    );
  }
  if (summary.generator) {
    const g = summary.generator;
    parts.push(`<p class="generator">Generator: ${workersText(g.workers)}, event-loop lag p99 ${h(formatMs(g.eventLoopLagP99Ms))}, dispatch lag p99 ${h(formatMs(g.dispatchLagP99Ms))}.</p>`);
  }
  return parts.join('\n');
}
