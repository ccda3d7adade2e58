/**
 * The harness proving itself: the conformance suite against the sandbox
 * with each fault switched on. Every fault must make at least one check of
 * its own contract section fail (a surviving fault means a missing or weak
 * check); the healthy sandbox must pass everything.
 */
import type { Check } from '../checks/check.js';
import type { CheckResult, RunSummary } from '../checks/failure.js';
import { defaultProfile, type Profile } from '../contract/profile.js';
import type { ContractSection } from '../contract/sections.js';
import type { Fault } from '../sandbox/faults/index.js';
import { runConformance } from './run-conformance.js';

export interface FaultVerdict {
  readonly fault: Fault;
  /** Checks that failed with the fault on. */
  readonly detectedBy: readonly { readonly checkId: string; readonly section: ContractSection }[];
  /** At least one check of the fault's own section failed. */
  readonly detected: boolean;
  /** Checks that errored (harness trouble, not a detection). */
  readonly errored: readonly string[];
  readonly requests: number;
  readonly durationMs: number;
}

export interface FaultMatrixOptions {
  readonly checks: readonly Check[];
  readonly faults: readonly Fault[];
  readonly runs: number;
  readonly seed: number;
  readonly profile?: Profile;
  readonly signal: AbortSignal;
  readonly onVerdict?: (verdict: FaultVerdict) => void;
}

const failedChecks = (results: readonly CheckResult[]) =>
  results.filter((r) => r.status === 'failed').map((r) => ({ checkId: r.checkId, section: r.section }));

/** One run of the suite against the sandbox with `faults` on (none: the healthy sandbox). */
export async function runAgainstEmbeddedSandbox(options: Omit<FaultMatrixOptions, 'faults' | 'onVerdict'> & { readonly faults: readonly string[] }): Promise<RunSummary> {
  const { summary } = await runConformance({
    profile: options.profile ?? defaultProfile,
    checks: options.checks,
    runs: options.runs,
    seed: options.seed,
    signal: options.signal,
    sandbox: { faults: options.faults },
    timeoutMs: 5_000,
  });
  return summary;
}

/** Runs the suite once per fault, one after another (rate-limit checks need the machine to themselves). */
export async function runFaultMatrix(options: FaultMatrixOptions): Promise<FaultVerdict[]> {
  const verdicts: FaultVerdict[] = [];
  for (const fault of options.faults) {
    if (options.signal.aborted) break;
    const summary = await runAgainstEmbeddedSandbox({ ...options, faults: [fault.name] });
    const detectedBy = failedChecks(summary.checks);
    const verdict: FaultVerdict = {
      fault,
      detectedBy,
      detected: detectedBy.some((d) => d.section === fault.section),
      errored: summary.checks.filter((r) => r.status === 'errored').map((r) => r.checkId),
      requests: summary.totals.requests,
      durationMs: summary.durationMs,
    };
    verdicts.push(verdict);
    options.onVerdict?.(verdict);
  }
  return verdicts;
}

/** Share of faults detected by a check of their own section, 0..1. */
export const mutationScore = (verdicts: readonly FaultVerdict[]): number =>
  verdicts.length === 0 ? 0 : verdicts.filter((v) => v.detected).length / verdicts.length;
