/** The verdict a load report leads with, and what certification reads. */
import { rateLimitTolerance } from '../analysis/declared-limit.js';
import type { LoadSummary } from '../load-summary.js';
import { formatRate, formatRatio } from './format-load.js';

/**
 * `failed` when there is any finding (even on a partial or invalid run: a
 * finding stays a finding); else `inconclusive` when the run was incomplete
 * or invalid (the generator saturated); else `passed`.
 */
export type LoadOutcome = 'passed' | 'failed' | 'inconclusive';

export interface LoadVerdict {
  readonly outcome: LoadOutcome;
  /** One sentence per finding, in report order. */
  readonly findings: readonly string[];
  /** e.g. `FAILED: 2 findings (incomplete run)`. */
  readonly headline: string;
}

export interface LoadVerdictOptions {
  /**
   * The accepted rate above the limit must have been measured (and be within
   * ±5 %); default: for the `rate-limit` scenario.
   */
  readonly requireRateLimitAccuracy?: boolean;
}

/** What a finding is about: certification's junit.xml gives each kind its own testcase. */
export type LoadFindingKind = 'thresholds' | 'checks' | 'rateLimitAccuracy' | 'retryAfterAndHeaders';

/** An incomplete run that never offered an iteration: interrupted before it started. */
const notRun = (summary: LoadSummary): boolean => !summary.complete && summary.totals.offered === 0;

/**
 * The findings of a load run by kind: failed thresholds; failed scenario
 * checks; an accepted rate above the limit off the declared one by more than
 * ±5 % (or not measured when required); 429s without a valid `Retry-After`,
 * requests throttled again after waiting `Retry-After` out, and incoherent
 * RateLimit headers (contract §6). One sentence each; none for a run
 * interrupted before it started.
 */
export function loadFindings(summary: LoadSummary, options: LoadVerdictOptions = {}): Record<LoadFindingKind, string[]> {
  const requireAccuracy = options.requireRateLimitAccuracy ?? summary.scenario === 'rate-limit';
  const r = summary.rateLimit;
  const findings: Record<LoadFindingKind, string[]> = { thresholds: [], checks: [], rateLimitAccuracy: [], retryAfterAndHeaders: [] };
  // Interrupted before its first iteration (e.g. a certify part after Ctrl-C): nothing was measured, so nothing can be found.
  if (notRun(summary)) return findings;
  for (const t of summary.thresholds.filter((t) => !t.passed)) {
    findings.thresholds.push(`Threshold ${t.metric} ${t.expression} failed${t.observed !== undefined ? ` (observed ${+t.observed.toFixed(3)})` : ''}.`);
  }
  for (const c of (summary.checks ?? []).filter((c) => !c.passed)) findings.checks.push(`Check "${c.name}" failed${c.detail ? `: ${c.detail}` : ''}.`);
  if (r.acceptedToDeclaredRatio !== undefined && r.declared && Math.abs(r.acceptedToDeclaredRatio - 1) > rateLimitTolerance) {
    findings.rateLimitAccuracy.push(
      `The target accepted ${formatRate(r.acceptedRateAboveLimit!)} above its limit, ${formatRatio(r.acceptedToDeclaredRatio)} the declared ${formatRate(r.declared.requestsPerSecond)} (±${rateLimitTolerance * 100} % allowed, contract §6).`,
    );
  } else if (r.acceptedToDeclaredRatio === undefined && requireAccuracy) {
    findings.rateLimitAccuracy.push(
      r.declared
        ? 'The accepted rate above the limit could not be measured: the offered load never stayed above the declared limit long enough past the burst.'
        : 'The accepted rate above the limit could not be measured: no rate limit was declared.',
    );
  }
  const other = findings.retryAfterAndHeaders;
  if (r.retryAfterMissing > 0) other.push(`${r.retryAfterMissing} 429 answer${r.retryAfterMissing === 1 ? '' : 's'} without a valid Retry-After (contract §6).`);
  if (r.retryAfterHonesty && r.retryAfterHonesty.throttledAfterWaiting > 0) {
    other.push(`${r.retryAfterHonesty.throttledAfterWaiting} of ${r.retryAfterHonesty.waitedRequests} requests sent after waiting out Retry-After were throttled again (contract §6).`);
  }
  if (r.headerCoherence && r.headerCoherence.incoherent > 0) {
    other.push(`${r.headerCoherence.incoherent} of ${r.headerCoherence.checked} responses carried rate-limit headers incoherent with what happened (contract §6).`);
  }
  return findings;
}

/** The outcome, every finding (`loadFindings`, in that order) and a headline. */
export function loadVerdict(summary: LoadSummary, options: LoadVerdictOptions = {}): LoadVerdict {
  const byKind = loadFindings(summary, options);
  const findings = [...byKind.thresholds, ...byKind.checks, ...byKind.rateLimitAccuracy, ...byKind.retryAfterAndHeaders];
  const outcome: LoadOutcome = findings.length > 0 ? 'failed' : summary.complete && summary.valid ? 'passed' : 'inconclusive';
  const met = summary.thresholds.length;
  const main =
    outcome === 'failed'
      ? `FAILED: ${findings.length} finding${findings.length === 1 ? '' : 's'}`
      : outcome === 'inconclusive'
        ? notRun(summary)
          ? 'NOT RUN: interrupted before the first request'
          : 'INCONCLUSIVE: no finding, but the figures cannot be trusted'
        : `PASSED: no finding${met > 0 ? `, ${met} threshold${met === 1 ? '' : 's'} met` : ''}`;
  const flags = [summary.valid ? '' : 'invalid run', summary.complete ? '' : 'incomplete run'].filter(Boolean);
  return { outcome, findings, headline: flags.length > 0 ? `${main} (${flags.join(', ')})` : main };
}
