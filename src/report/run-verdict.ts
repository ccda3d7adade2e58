/** The one-line verdict every report leads with. */
import type { CheckResult, CheckStatus, RunSummary } from '../checks/failure.js';

/** `failed` when any check failed, else `errored` when the harness failed on one, else `passed`. */
export type RunOutcome = 'passed' | 'failed' | 'errored';

export interface RunVerdict {
  readonly outcome: RunOutcome;
  /** Counts per status, recounted from the checks the report shows. */
  readonly counts: Readonly<Record<CheckStatus, number>>;
  /** e.g. `FAILED: 1 of 6 checks failed, 1 errored, 1 skipped`; ends with `(incomplete run)` when `complete` is false. */
  readonly headline: string;
}

/** Counts checks per status. */
export function countStatuses(checks: readonly CheckResult[]): Record<CheckStatus, number> {
  const counts: Record<CheckStatus, number> = { passed: 0, failed: 0, skipped: 0, errored: 0 };
  for (const check of checks) counts[check.status]++;
  return counts;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The run's outcome and headline. Skipped checks never make a run pass or fail. */
export function runVerdict(summary: RunSummary): RunVerdict {
  const counts = countStatuses(summary.checks);
  const total = summary.checks.length;
  const outcome: RunOutcome = counts.failed > 0 ? 'failed' : counts.errored > 0 ? 'errored' : 'passed';
  const extras = [
    counts.errored > 0 && outcome !== 'errored' ? `${counts.errored} errored` : '',
    counts.skipped > 0 ? `${counts.skipped} skipped` : '',
  ].filter(Boolean);
  const main =
    outcome === 'failed'
      ? `FAILED: ${counts.failed} of ${plural(total, 'check')} failed`
      : outcome === 'errored'
        ? `ERRORED: the harness failed on ${plural(counts.errored, 'check')} (no contract violation found)`
        : `PASSED: ${counts.passed} of ${plural(total, 'check')} passed`;
  const headline = [main, ...extras].join(', ') + (summary.complete ? '' : ' (incomplete run)');
  return { outcome, counts, headline };
}
