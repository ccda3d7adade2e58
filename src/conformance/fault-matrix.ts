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
import type { StartSandboxOptions } from '../sandbox/index.js';
import { runConformance, type ConformanceOptions } from './run-conformance.js';

/** How to show one fault when the default embedded sandbox cannot: settings under which the bug manifests. */
export interface FaultSetup {
  readonly sandbox?: Partial<StartSandboxOptions>;
  readonly rateLimit?: ConformanceOptions['rateLimit'];
  /** Run only the checks of the fault's own section (a slow limit would make the full suite crawl). */
  readonly ownSectionOnly?: boolean;
}

/**
 * Faults that are bugs only in some configurations. `retry-after-too-short`
 * rounds Retry-After down: at the embedded 1000/s a token is back within a
 * millisecond, so "0" is the truth there; at 2/s it is a lie a client trips on.
 */
export const faultSetups: Readonly<Record<string, FaultSetup>> = {
  'retry-after-too-short': { sandbox: { rateLimit: { requestsPerSecond: 2, burst: 2 } }, ownSectionOnly: true },
};

/**
 * Every other rate-limit fault is shown at 100/s, burst 10: the rate-limit
 * checks offer twice the limit, which this generator sustains with room to
 * spare even on a busy machine, where at the embedded 1000/s they could only
 * report "inconclusive" (they never guess).
 */
export const rateLimitFaultSetup: FaultSetup = { sandbox: { rateLimit: { requestsPerSecond: 100, burst: 10 } }, ownSectionOnly: true };

/** The setup a fault is shown with, if it needs one. */
export const faultSetupFor = (fault: Fault): FaultSetup | undefined =>
  faultSetups[fault.name] ?? (fault.section === '§6' ? rateLimitFaultSetup : undefined);

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
  /**
   * Faults run at once, each against its own sandbox (default 1). Most of a
   * run is waiting (Retry-After, rate-limit timetables), so a few at once
   * finish much sooner; the rate-limit checks report a run they cannot judge
   * on a busy machine as inconclusive rather than as a finding.
   */
  readonly concurrency?: number;
}

const failedChecks = (results: readonly CheckResult[]) =>
  results.filter((r) => r.status === 'failed').map((r) => ({ checkId: r.checkId, section: r.section }));

/** One run of the suite against the sandbox with `faults` on (none: the healthy sandbox). */
export async function runAgainstEmbeddedSandbox(
  options: Omit<FaultMatrixOptions, 'faults' | 'onVerdict'> & { readonly faults: readonly string[]; readonly setup?: FaultSetup },
): Promise<RunSummary> {
  const { setup = {} } = options;
  const { summary } = await runConformance({
    profile: options.profile ?? defaultProfile,
    checks: options.checks,
    runs: options.runs,
    seed: options.seed,
    signal: options.signal,
    sandbox: { ...setup.sandbox, faults: options.faults },
    ...(setup.rateLimit ? { rateLimit: setup.rateLimit } : {}),
    timeoutMs: 5_000,
  });
  return summary;
}

/** Runs the suite once per fault; verdicts come back in catalogue order. */
export async function runFaultMatrix(options: FaultMatrixOptions): Promise<FaultVerdict[]> {
  const verdicts: FaultVerdict[] = new Array(options.faults.length);
  let next = 0;
  const worker = async () => {
    while (next < options.faults.length && !options.signal.aborted) {
      const index = next++;
      const fault = options.faults[index]!;
      const setup = faultSetupFor(fault);
      const checks = setup?.ownSectionOnly ? options.checks.filter((c) => c.section === fault.section) : options.checks;
      // Each run gets its own signal, following the matrix's: one listener per run, not per request.
      const signal = AbortSignal.any([options.signal]);
      const summary = await runAgainstEmbeddedSandbox({ ...options, signal, checks, faults: [fault.name], ...(setup ? { setup } : {}) });
      const detectedBy = failedChecks(summary.checks);
      const verdict: FaultVerdict = {
        fault,
        detectedBy,
        detected: detectedBy.some((d) => d.section === fault.section),
        errored: summary.checks.filter((r) => r.status === 'errored').map((r) => r.checkId),
        requests: summary.totals.requests,
        durationMs: summary.durationMs,
      };
      verdicts[index] = verdict;
      options.onVerdict?.(verdict);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 1) }, worker));
  return verdicts.filter((v) => v !== undefined);
}

/** Share of faults detected by a check of their own section, 0..1. */
export const mutationScore = (verdicts: readonly FaultVerdict[]): number =>
  verdicts.length === 0 ? 0 : verdicts.filter((v) => v.detected).length / verdicts.length;
