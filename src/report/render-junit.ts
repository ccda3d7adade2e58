/**
 * JUnit XML for CI test views: one `<testsuite>` per contract section, one
 * `<testcase>` per check (classname = section, name = id and statement).
 */
import type { CheckResult, RunSummary } from '../checks/failure.js';
import { checksBySection, type SectionGroup } from './checks-by-section.js';
import { escapeXmlAttribute as attr, escapeXmlText as text } from './escape-xml.js';
import { failureText } from './failure-text.js';
import { formatSeconds } from './format-duration.js';
import { countStatuses } from './run-verdict.js';

const sum = (checks: readonly CheckResult[]): number => checks.reduce((total, c) => total + c.durationMs, 0);

function counts(checks: readonly CheckResult[], durationMs: number): string {
  const c = countStatuses(checks);
  return `tests="${checks.length}" failures="${c.failed}" errors="${c.errored}" skipped="${c.skipped}" time="${formatSeconds(durationMs)}"`;
}

function testcase(check: CheckResult, classname: string): string {
  const open = `    <testcase classname="${attr(classname)}" name="${attr(`${check.checkId}: ${check.statement}`)}" time="${formatSeconds(check.durationMs)}">`;
  const meta = `requests sent: ${check.requests}${check.runs !== undefined ? `, runs: ${check.runs}` : ''}${check.seed !== undefined ? `, seed: ${check.seed}` : ''}`;
  const systemOut = `      <system-out>${text(meta)}</system-out>`;
  if (check.status === 'passed') return [open, systemOut, '    </testcase>'].join('\n');
  if (check.status === 'skipped') {
    return [open, `      <skipped message="${attr(check.reason ?? 'skipped')}"/>`, systemOut, '    </testcase>'].join('\n');
  }
  if (check.status === 'errored') {
    const reason = check.reason ?? 'the harness failed on this check';
    const message = reason.split('\n', 1)[0]!;
    return [open, `      <error message="${attr(message)}" type="harness-error">${text(reason)}</error>`, systemOut, '    </testcase>'].join('\n');
  }
  const [first] = check.failures;
  const more = check.failures.length > 1 ? ` (+${check.failures.length - 1} more)` : '';
  const message = first ? `${first.message}: expected ${first.expected}, got ${first.actual}${more}` : (check.reason ?? 'failed');
  const body = check.failures.map((f) => failureText(f)).join('\n\n----\n\n');
  return [
    open,
    `      <failure message="${attr(message)}" type="contract-violation ${attr(check.section)}">${text(body)}</failure>`,
    systemOut,
    '    </testcase>',
  ].join('\n');
}

/** One contract section as a `<testsuite>` (certification junit.xml reuses it). */
export function testsuite(group: SectionGroup, summary: RunSummary): string {
  const name = `${group.section} ${group.title}`;
  const properties = [
    ['target', summary.target],
    ['runId', summary.runId],
    ['seed', String(summary.seed)],
    ['complete', String(summary.complete)],
  ]
    .map(([key, value]) => `      <property name="${attr(key!)}" value="${attr(value!)}"/>`)
    .join('\n');
  return [
    `  <testsuite name="${attr(name)}" ${counts(group.checks, sum(group.checks))} timestamp="${attr(summary.startedAt)}">`,
    `    <properties>\n${properties}\n    </properties>`,
    ...group.checks.map((check) => testcase(check, name)),
    '  </testsuite>',
  ].join('\n');
}

/**
 * The whole run as JUnit XML (UTF-8, XML 1.0). Counts on `<testsuites>` and
 * each `<testsuite>` are recounted from the checks; times are in seconds.
 * Everything from the target is escaped, and characters XML 1.0 forbids are
 * shown as `\uXXXX`.
 */
export function renderJunit(summary: RunSummary): string {
  const name = `${summary.tool.name} conformance ${summary.target}${summary.complete ? '' : ' (incomplete run)'}`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${attr(name)}" ${counts(summary.checks, summary.durationMs)} timestamp="${attr(summary.startedAt)}">`,
    ...checksBySection(summary.checks).map((group) => testsuite(group, summary)),
    '</testsuites>',
    '',
  ].join('\n');
}
