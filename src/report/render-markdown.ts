/**
 * `summary.md`: the run for people, in GitHub-flavoured Markdown; also what
 * goes to `$GITHUB_STEP_SUMMARY` (kept well under its 1 MiB limit by cutting
 * bodies and listing at most a few failures per check).
 */
import type { CheckResult, Failure, RunSummary } from '../checks/failure.js';
import { checksBySection } from './checks-by-section.js';
import { decisiveExchange, exchangeLine, exchangeText } from './exchange-text.js';
import { formatDuration } from './format-duration.js';
import { jsonText } from './json-text.js';
import { markdownCode as code, markdownFence as fence, markdownInline as md } from './markdown-text.js';
import { runVerdict } from './run-verdict.js';
import { statusEmoji } from './status-label.js';
import { truncateText } from './truncate-text.js';

export interface MarkdownOptions {
  /** Longest body or counterexample shown, in characters (default 2000). */
  readonly maxBodyChars?: number;
  /** Failures shown in full per check (default 3); the rest are named, all are in summary.json. */
  readonly maxFailuresPerCheck?: number;
}

const incompleteBanner = [
  '> [!WARNING]',
  '> **Incomplete run.** The run was interrupted or aborted before every check finished: the results below are partial, and checks that did not run are not listed.',
].join('\n');

function checkRow(check: CheckResult): string {
  const cells = [
    `${statusEmoji[check.status]} ${check.status}`,
    code(check.checkId, true),
    md(check.status === 'skipped' && check.reason ? `${check.statement} (skipped: ${check.reason})` : check.statement),
    String(check.requests),
    formatDuration(check.durationMs),
  ];
  return `| ${cells.join(' | ')} |`;
}

function failureSection(check: CheckResult, failure: Failure, maxBodyChars: number): string {
  const parts = [
    `### ${statusEmoji.failed} ${code(check.checkId)} (${check.section}): ${code(failure.id)}`,
    md(failure.message),
    ['| | |', '|---|---|', `| **Expected** | ${md(failure.expected)} |`, `| **Actual** | ${md(failure.actual)} |`].join('\n'),
  ];
  if (failure.seed !== undefined) parts.push(`Seed ${code(String(failure.seed))}${failure.path !== undefined ? ` · path ${code(failure.path)}` : ''}`);
  if (failure.counterexample !== undefined) {
    const example = truncateText(jsonText(failure.counterexample), maxBodyChars);
    parts.push(`<details><summary>Counterexample</summary>\n\n${fence(example, 'json')}\n\n</details>`);
  }
  const decisive = decisiveExchange(failure);
  const earlier = failure.exchanges.slice(0, -1);
  if (earlier.length > 0) parts.push(`Earlier exchanges: ${earlier.map((e) => `${code(e.id)} ${md(exchangeLine(e))}`).join('; ')}`);
  if (decisive) parts.push(`**Decisive exchange** ${code(decisive.id)}`, fence(exchangeText(decisive, { maxBodyChars }), 'http'));
  parts.push('**Reproduce**');
  if (failure.curl !== undefined) parts.push(fence(failure.curl, 'sh'));
  parts.push(fence(failure.replay, 'sh'));
  return parts.join('\n\n');
}

function failuresOf(check: CheckResult, maxFailures: number, maxBodyChars: number): string[] {
  const shown = check.failures.slice(0, maxFailures).map((f) => failureSection(check, f, maxBodyChars));
  const rest = check.failures.slice(maxFailures);
  if (rest.length > 0) shown.push(`${rest.length} more failures of ${code(check.checkId)} (${rest.map((f) => code(f.id)).join(', ')}) are in summary.json and report.html.`);
  return shown;
}

/**
 * Verdict line, incomplete-run banner, totals, one table of checks per
 * contract section, then every failure (expected/actual, counterexample,
 * decisive exchange, curl and replay), skipped checks with their reasons and
 * errored checks with the harness error.
 */
export function renderMarkdown(summary: RunSummary, options: MarkdownOptions = {}): string {
  const maxBodyChars = options.maxBodyChars ?? 2000;
  const maxFailures = options.maxFailuresPerCheck ?? 3;
  const verdict = runVerdict(summary);
  const icon = verdict.outcome === 'passed' ? statusEmoji.passed : statusEmoji[verdict.outcome];
  const { counts } = verdict;
  const parts = [`## ${icon} Partner API conformance: ${md(verdict.headline)}`];
  if (!summary.complete) parts.push(incompleteBanner);
  parts.push(
    [
      `**Target** ${code(summary.target)} · **Run** ${code(summary.runId)} · **Seed** ${code(String(summary.seed))}`,
      `**Started** ${md(summary.startedAt)} · **Duration** ${formatDuration(summary.durationMs)} · ${md(summary.tool.name)} ${md(summary.tool.version)}`,
    ].join('  \n'),
    [
      '| Passed | Failed | Skipped | Errored | Requests |',
      '|--:|--:|--:|--:|--:|',
      `| ${counts.passed} | ${counts.failed} | ${counts.skipped} | ${counts.errored} | ${summary.totals.requests} |`,
    ].join('\n'),
  );
  for (const group of checksBySection(summary.checks)) {
    parts.push(
      `### ${group.section} ${md(group.title)}`,
      ['| Status | Check | Property | Requests | Time |', '|---|---|---|--:|--:|', ...group.checks.map(checkRow)].join('\n'),
    );
  }
  const failed = summary.checks.filter((c) => c.status === 'failed');
  if (failed.length > 0) parts.push('## Failures', ...failed.flatMap((c) => failuresOf(c, maxFailures, maxBodyChars)));
  const skipped = summary.checks.filter((c) => c.status === 'skipped');
  if (skipped.length > 0) {
    parts.push('## Skipped', skipped.map((c) => `- ${code(c.checkId)} (${c.section}): ${md(c.reason ?? 'no reason given')}`).join('\n'));
  }
  const errored = summary.checks.filter((c) => c.status === 'errored');
  if (errored.length > 0) {
    parts.push('## Errored (harness failures, not findings)');
    for (const c of errored) parts.push(`- ${code(c.checkId)} (${c.section})`, fence(truncateText(c.reason ?? 'no error recorded', maxBodyChars)));
  }
  return `${parts.join('\n\n')}\n`;
}
