/**
 * The end of a conformance run in the terminal: a table of checks (status,
 * id, section, requests, time), skip and error reasons, then each failure
 * ending with its reproduction, and the verdict.
 */
import type { CheckResult, CheckStatus, Failure, RunSummary } from '../checks/failure.js';
import { sectionTitles } from '../checks/check.js';
import { showControlCharacters } from './control-characters.js';
import { decisiveExchange, exchangeLine } from './exchange-text.js';
import { formatDuration } from './format-duration.js';
import { jsonText } from './json-text.js';
import { runVerdict, type RunOutcome } from './run-verdict.js';
import { statusSymbol } from './status-label.js';

export interface TableOptions {
  /** ANSI colours (a TTY without NO_COLOR); plain text otherwise. */
  readonly color: boolean;
  /** Terminal columns (default 100); long cells and one-line values are cut to fit. */
  readonly width?: number;
}

const ansi = { red: 31, green: 32, yellow: 33, magenta: 35, dim: 2, bold: 1 } as const;
type Style = keyof typeof ansi;
const statusStyle: Readonly<Record<CheckStatus | RunOutcome, Style>> = { passed: 'green', failed: 'red', skipped: 'yellow', errored: 'magenta' };

// Target text must not drive the terminal: C0 (ESC included) and C1 controls become visible.
const safe = (text: string): string => showControlCharacters(text).replace(/[\u007F-\u009F]/g, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
const cut = (text: string, max: number): string => (text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1))}…`);
// Cut before collapsing: the collapsing regex backtracks quadratically over a long run of
// spaces without a newline (a 1 MiB body of spaces held the event loop for minutes).
const oneLine = (text: string, max: number): string => cut(safe(cut(text, 4 * max + 16)).replace(/\s*\r?\n\s*/g, ' '), max);

/**
 * The final table and failures block. Pure: the caller prints it. Lines fit
 * in `width` except the curl and replay commands, which are never cut (they
 * must stay runnable when pasted).
 */
export function renderTable(summary: RunSummary, options: TableOptions): string {
  const width = Math.max(60, options.width ?? 100);
  const paint = (style: Style, text: string): string => (options.color ? `\u001b[${ansi[style]}m${text}\u001b[0m` : text);
  const lines: string[] = [];

  const fixed = 10 + 2 + 4 + 2 + 8 + 2 + 9;
  const idWidth = Math.max(12, Math.min(width - fixed, Math.max(5, ...summary.checks.map((c) => c.checkId.length))));
  const row = (status: string, id: string, section: string, requests: string, time: string): string =>
    `${status.padEnd(10)}  ${id.padEnd(idWidth)}  ${section.padEnd(4)}  ${requests.padStart(8)}  ${time.padStart(9)}`;
  lines.push(paint('bold', row('status', 'check', 'sect', 'requests', 'time')));
  for (const check of summary.checks) {
    const status = `${statusSymbol[check.status]} ${check.status}`.padEnd(10);
    lines.push(row(paint(statusStyle[check.status], status), cut(check.checkId, idWidth), check.section, String(check.requests), formatDuration(check.durationMs)));
  }

  const noted = summary.checks.filter((c) => c.status === 'skipped' || c.status === 'errored');
  if (noted.length > 0) lines.push('');
  for (const check of noted) {
    const label = paint(statusStyle[check.status], `${statusSymbol[check.status]} ${check.checkId}`);
    const reason = (check.reason ?? 'no reason given').split('\n', 1)[0]!;
    lines.push(`${label} ${check.status}`, `    ${oneLine(reason, width - 4)}`);
  }

  const failed = summary.checks.filter((c) => c.status === 'failed');
  if (failed.length > 0) lines.push('', paint('bold', `Failures ${'─'.repeat(Math.max(0, width - 9))}`));
  for (const check of failed) for (const failure of check.failures) lines.push('', ...failureBlock(check, failure, width, paint));

  const verdict = runVerdict(summary);
  lines.push(
    '',
    paint('bold', paint(statusStyle[verdict.outcome], verdict.headline)),
    paint('dim', cut(`${summary.checks.length} checks · ${summary.totals.requests} requests · ${formatDuration(summary.durationMs)} · seed ${summary.seed} · run ${safe(summary.runId)}`, width)),
  );
  return `${lines.join('\n')}\n`;
}

function failureBlock(check: CheckResult, failure: Failure, width: number, paint: (style: Style, text: string) => string): string[] {
  const inner = width - 2;
  const head = `${statusSymbol.failed} ${failure.id}`;
  const longSection = ` (${check.section} ${sectionTitles[check.section]})`;
  const section = head.length + longSection.length <= width ? longSection : ` (${check.section})`;
  const lines = [
    paint('red', head) + paint('dim', section),
    `  ${oneLine(failure.message, inner)}`,
    `  expected: ${oneLine(failure.expected, inner - 10)}`,
    `  actual:   ${oneLine(failure.actual, inner - 10)}`,
  ];
  if (failure.seed !== undefined) lines.push(paint('dim', `  seed ${failure.seed}${failure.path !== undefined ? `  path ${safe(failure.path)}` : ''}`));
  if (failure.counterexample !== undefined) lines.push(`  counterexample: ${oneLine(jsonText(failure.counterexample, 0), inner - 16)}`);
  const decisive = decisiveExchange(failure);
  if (decisive) {
    lines.push(`  ${oneLine(`${decisive.id} ${exchangeLine(decisive)}`, inner)}`);
    if (decisive.response && decisive.response.body !== '') lines.push(paint('dim', `    ${oneLine(decisive.response.body, inner - 2)}`));
  }
  lines.push('  reproduce:');
  if (failure.curl !== undefined) lines.push(...safe(failure.curl).split('\n').map((line) => `    ${line}`));
  lines.push(`    ${safe(failure.replay)}`);
  return lines;
}
