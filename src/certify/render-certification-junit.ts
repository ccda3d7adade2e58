/**
 * The certification as JUnit XML: the conformance testsuites (one per
 * contract section, as junit.xml of a conformance run), then one testsuite
 * per load part with a testcase each for thresholds, rate-limit accuracy,
 * Retry-After and RateLimit headers, scenario checks, and validity.
 */
import { escapeXmlAttribute as attr, escapeXmlText as text } from '../report/escape-xml.js';
import { checksBySection } from '../report/checks-by-section.js';
import { formatSeconds } from '../report/format-duration.js';
import { testsuite } from '../report/render-junit.js';
import { countStatuses } from '../report/run-verdict.js';
import { rateLimitTolerance } from '../load/analysis/declared-limit.js';
import type { LoadSummary } from '../load/load-summary.js';
import { loadFindings, type LoadFindingKind } from '../load/report/load-verdict.js';
import { runWarnings } from '../load/report/load-rows.js';
import type { CertificationSummary } from './certification-summary.js';

interface LoadCase {
  readonly name: string;
  readonly failures: readonly string[];
  /** Set when the case does not apply. */
  readonly skipped?: string;
}

function loadCases(summary: LoadSummary, requireAccuracy: boolean): LoadCase[] {
  const findings = loadFindings(summary, { requireRateLimitAccuracy: requireAccuracy });
  const of = (kind: LoadFindingKind): string[] => findings[kind];
  const accuracyMeasured = summary.rateLimit.acceptedToDeclaredRatio !== undefined;
  const cases: LoadCase[] = [
    { name: 'thresholds: every threshold of the scenario is met', failures: of('thresholds') },
    {
      name: `rate-limit accuracy: the accepted rate above the limit is the declared limit within ±${rateLimitTolerance * 100} %`,
      failures: of('rateLimitAccuracy'),
      ...(!accuracyMeasured && !requireAccuracy && { skipped: 'not measured: the offered load did not stay above the declared limit' }),
    },
    { name: 'rate-limit behaviour: every 429 carries a valid Retry-After, waiting it out is enough, RateLimit headers are coherent', failures: of('retryAfterAndHeaders') },
  ];
  if (summary.checks && summary.checks.length > 0) cases.push({ name: 'scenario checks: every check of the scenario passed', failures: of('checks') });
  cases.push({ name: 'validity: the run completed and the load generator kept up', failures: runWarnings(summary) });
  return cases;
}

function loadTestsuite(title: string, summary: LoadSummary, requireAccuracy: boolean): { xml: string; tests: number; failures: number; skipped: number } {
  const name = `Load: ${title} (${summary.scenario})`;
  const cases = loadCases(summary, requireAccuracy);
  const failures = cases.filter((c) => !c.skipped && c.failures.length > 0).length;
  const skipped = cases.filter((c) => c.skipped).length;
  const time = formatSeconds(summary.durationMs);
  const xml = [
    `  <testsuite name="${attr(name)}" tests="${cases.length}" failures="${failures}" errors="0" skipped="${skipped}" time="${time}" timestamp="${attr(summary.startedAt)}">`,
    `    <properties>\n${[
      ['target', summary.target],
      ['runId', summary.runId],
      ['engine', summary.engine],
      ['complete', String(summary.complete)],
      ['valid', String(summary.valid)],
    ]
      .map(([k, v]) => `      <property name="${attr(k!)}" value="${attr(v!)}"/>`)
      .join('\n')}\n    </properties>`,
    ...cases.map((c) => {
      const open = `    <testcase classname="${attr(name)}" name="${attr(c.name)}" time="0.000">`;
      if (c.skipped) return [open, `      <skipped message="${attr(c.skipped)}"/>`, '    </testcase>'].join('\n');
      if (c.failures.length === 0) return open.replace(/>$/, '/>');
      return [open, `      <failure message="${attr(c.failures[0]!)}" type="load-finding">${text(c.failures.join('\n'))}</failure>`, '    </testcase>'].join('\n');
    }),
    '  </testsuite>',
  ].join('\n');
  return { xml, tests: cases.length, failures, skipped };
}

/** UTF-8 XML 1.0; counts on `<testsuites>` recounted from every testcase; times in seconds. */
export function renderCertificationJunit(summary: CertificationSummary): string {
  const conformance = summary.conformance;
  const counts = countStatuses(conformance.checks);
  const load = [loadTestsuite('rate limit', summary.rateLimit, true), loadTestsuite('throughput', summary.throughput, false)];
  const tests = conformance.checks.length + load.reduce((n, l) => n + l.tests, 0);
  const failures = counts.failed + load.reduce((n, l) => n + l.failures, 0);
  const skipped = counts.skipped + load.reduce((n, l) => n + l.skipped, 0);
  const name = `boca-harness certification ${summary.target}: ${summary.verdict.certified ? 'certified' : 'not certified'}`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${attr(name)}" tests="${tests}" failures="${failures}" errors="${counts.errored}" skipped="${skipped}" time="${formatSeconds(summary.durationMs)}" timestamp="${attr(summary.startedAt)}">`,
    ...checksBySection(conformance.checks).map((group) => testsuite(group, conformance)),
    ...load.map((l) => l.xml),
    '</testsuites>',
    '',
  ].join('\n');
}
