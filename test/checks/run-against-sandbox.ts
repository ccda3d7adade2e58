/**
 * Runs checks against an embedded sandbox, healthy or with faults: the
 * building block of every check's test ("passes on the healthy sandbox,
 * fails on the faulty one", style §9).
 */
import type { Check } from '../../src/checks/check.js';
import type { CheckResult, RunSummary } from '../../src/checks/failure.js';
import { runConformance, type ConformanceOptions } from '../../src/conformance/run-conformance.js';
import { defaultProfile } from '../../src/contract/profile.js';
import type { StartSandboxOptions } from '../../src/sandbox/index.js';

export interface SandboxRunOptions {
  readonly faults?: readonly string[];
  readonly runs?: number;
  readonly seed?: number;
  readonly sandbox?: Partial<StartSandboxOptions>;
  readonly conformance?: Partial<ConformanceOptions>;
}

export async function runAgainstSandbox(checks: readonly Check[], options: SandboxRunOptions = {}): Promise<RunSummary> {
  const { summary } = await runConformance({
    profile: defaultProfile,
    checks,
    runs: options.runs ?? 10,
    seed: options.seed ?? 42,
    signal: new AbortController().signal,
    sandbox: { ...options.sandbox, ...(options.faults ? { faults: options.faults } : {}) },
    timeoutMs: 5_000,
    ...options.conformance,
  });
  return summary;
}

/** The single result of running one check. */
export async function resultOf(check: Check, options: SandboxRunOptions = {}): Promise<CheckResult> {
  const summary = await runAgainstSandbox([check], options);
  return summary.checks[0]!;
}

/** A readable description of a result for assertion messages. */
export const explain = (result: CheckResult): string =>
  `${result.checkId}: ${result.status}${result.reason ? ` (${result.reason.split('\n')[0]})` : ''}${result.failures.map((f) => `\n  ${f.message}`).join('')}`;
