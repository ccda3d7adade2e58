/**
 * `report.html`: one self-contained page a person reads in a browser. Inline
 * CSS and a small inline script, no network (a Content-Security-Policy
 * forbids it), everything from the target escaped.
 */
import { createHash } from 'node:crypto';
import type { CheckResult, RunSummary } from '../checks/failure.js';
import { checksBySection, type SectionGroup } from './checks-by-section.js';
import { escapeXml as h } from './escape-xml.js';
import { formatDuration } from './format-duration.js';
import { reportCss, reportScript } from './html-assets.js';
import { failureHtml } from './html-failure.js';
import { countStatuses, runVerdict } from './run-verdict.js';
import { statusSymbol } from './status-label.js';
import { htmlDocumentStart } from './html-document-start.js';

const scriptHash = createHash('sha256').update(reportScript).digest('base64');
const contentSecurityPolicy = `default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${scriptHash}'; img-src data:; base-uri 'none'; form-action 'none'`;

const checkAnchor = (check: CheckResult): string => `check-${check.checkId.replace(/[^A-Za-z0-9_-]/g, '_')}`;

function checkHtml(check: CheckResult): string {
  const parts = [
    `<li class="check ${check.status}" id="${h(checkAnchor(check))}">`,
    '<div class="check-head">',
    `<span class="status">${statusSymbol[check.status]} ${check.status}</span>`,
    `<code class="check-id">${h(check.checkId)}</code>`,
    `<span class="statement">${h(check.statement)}</span>`,
    `<span class="stats">${check.requests} requests${check.runs !== undefined ? ` · ${check.runs} runs` : ''} · ${formatDuration(check.durationMs)}</span>`,
    '</div>',
  ];
  if (check.status === 'skipped') parts.push(`<p class="reason s-skipped">Skipped: ${h(check.reason ?? 'no reason given')}</p>`);
  if (check.status === 'errored') parts.push(`<p class="reason s-errored">The harness failed on this check (not a finding about the target):</p><pre>${h(check.reason ?? 'no error recorded')}</pre>`);
  if (check.status === 'failed' && check.failures.length === 0 && check.reason) parts.push(`<p class="reason">${h(check.reason)}</p>`);
  check.failures.forEach((failure, i) => parts.push(failureHtml(failure, `${h(checkAnchor(check))}-f${i + 1}`)));
  parts.push('</li>');
  return parts.join('\n');
}

/** One contract section of checks, as report.html shows it (certification.html reuses it). */
export function sectionHtml(group: SectionGroup): string {
  const counts = countStatuses(group.checks);
  const summary = (['failed', 'errored', 'skipped', 'passed'] as const)
    .filter((status) => counts[status] > 0)
    .map((status) => `${counts[status]} ${status}`)
    .join(' · ');
  return [
    `<section class="section" id="section-${group.section.slice(1)}">`,
    `<h2>${group.section} ${h(group.title)}<span class="count">${summary}</span></h2>`,
    `<ul class="checks">\n${group.checks.map(checkHtml).join('\n')}\n</ul>`,
    '</section>',
  ].join('\n');
}

function headerHtml(summary: RunSummary): string {
  const verdict = runVerdict(summary);
  const [label, ...rest] = verdict.headline.split(': ');
  const meta: [string, string][] = [
    ['Target', summary.target],
    ['Run id', summary.runId],
    ['Seed', String(summary.seed)],
    ['Started', summary.startedAt],
    ['Duration', formatDuration(summary.durationMs)],
    ['Requests sent', String(summary.totals.requests)],
  ];
  const totals = (['passed', 'failed', 'skipped', 'errored'] as const)
    .map((status) => `<li class="s-${status}"><b>${verdict.counts[status]}</b> ${status}</li>`)
    .join('');
  const failed = summary.checks.filter((c) => c.status === 'failed');
  const index = failed.length > 0
    ? `<p class="failed-index">Failed: ${failed.map((c) => `<a href="#${h(checkAnchor(c))}">${h(c.checkId)}</a>`).join('')}</p>`
    : '';
  return [
    `<header class="top ${verdict.outcome}"><div class="wrap">`,
    `<p class="eyebrow">${h(summary.tool.name)} ${h(summary.tool.version)} · Partner API conformance report</p>`,
    `<h1><span class="badge">${h(label!)}</span> ${h(rest.join(': '))}</h1>`,
    `<dl class="meta">${meta.map(([k, v]) => `<div><dt>${k}</dt><dd class="mono">${h(v)}</dd></div>`).join('')}</dl>`,
    `<ul class="totals">${totals}</ul>`,
    index,
    summary.complete
      ? ''
      : '<div class="banner" role="alert"><strong>Incomplete run.</strong> The run was interrupted or aborted before every check finished: these results are partial, and checks that did not run are not listed.</div>',
    '</div></header>',
  ].join('\n');
}

/**
 * The whole page: header with verdict, target, run id, seed, duration and
 * totals; an incomplete-run banner when `complete` is false; a "failed only"
 * filter (CSS, works without script); checks grouped by contract section,
 * each failure open with expected vs actual, counterexample, request and
 * response (JSON pretty-printed) and the curl and replay commands with copy
 * buttons.
 */
export function renderHtml(summary: RunSummary): string {
  const verdict = runVerdict(summary);
  const groups = checksBySection(summary.checks);
  const title = `${verdict.outcome.toUpperCase()} · Partner API conformance · ${summary.runId}`;
  return `${htmlDocumentStart(title, contentSecurityPolicy, reportCss)}
${headerHtml(summary)}
<div class="wrap">
<nav class="toolbar" aria-label="Report controls">
<label><input type="checkbox" id="failed-only"> Failed only</label>
<button type="button" id="expand-all" hidden>Expand all</button>
${groups.map((g) => `<a href="#section-${g.section.slice(1)}">${g.section} ${h(g.title)}</a>`).join('\n')}
</nav>
<main>
${groups.length > 0 ? groups.map(sectionHtml).join('\n') : '<p>No checks ran.</p>'}
</main>
<footer>Generated by ${h(summary.tool.name)} ${h(summary.tool.version)}. Machine-readable results: summary.json and junit.xml next to this file.</footer>
</div>
<script>${reportScript}</script>
</body>
</html>
`;
}
