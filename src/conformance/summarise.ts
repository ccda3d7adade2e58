/** Folds check results into the RunSummary every reporter formats. */
import type { CheckResult, RunSummary } from '../checks/failure.js';

export interface SummaryInput {
  readonly runId: string;
  readonly target: string;
  readonly startedAt: Date;
  readonly seed: number;
  readonly results: readonly CheckResult[];
  readonly complete: boolean;
  readonly requests: number;
  readonly version: string;
}

export function summarise(input: SummaryInput): RunSummary {
  const count = (status: CheckResult['status']) => input.results.filter((r) => r.status === status).length;
  return {
    runId: input.runId,
    tool: { name: 'boca-harness', version: input.version },
    target: input.target,
    startedAt: input.startedAt.toISOString(),
    durationMs: Date.now() - input.startedAt.getTime(),
    complete: input.complete,
    seed: input.seed,
    checks: input.results,
    totals: { passed: count('passed'), failed: count('failed'), skipped: count('skipped'), errored: count('errored'), requests: input.requests },
  };
}
