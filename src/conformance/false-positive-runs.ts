/**
 * No false positives (issue 5): the whole conformance suite against the
 * embedded sandbox with each variant switched on (a legitimate way to keep
 * the contract, one of its MAYs), repeated with different seeds. Any failed
 * or errored check is a false positive: a check stricter than the contract.
 * A rate-limit variant (§6) also gets its own section's checks at the slower
 * limit the rate-limit faults are shown at, where those checks can judge
 * even on a busy machine instead of reporting "inconclusive".
 */
import type { Check } from '../checks/check.js';
import type { RunSummary } from '../checks/failure.js';
import type { ContractSection } from '../contract/sections.js';
import type { Profile } from '../contract/profile.js';
import type { Variant } from '../sandbox/variants/index.js';
import { rateLimitFaultSetup, runAgainstEmbeddedSandbox, type FaultSetup } from './fault-matrix.js';

/** A check that did not pass (nor skip) on a variant. */
export interface FalsePositive {
  readonly checkId: string;
  readonly section: ContractSection;
  readonly status: 'failed' | 'errored';
  /** The first failure's message, or the harness error. */
  readonly message: string;
  /** The sandbox's rate limit when it was not the embedded one, e.g. `100 req/s, burst 10`. */
  readonly rateLimit?: string;
}

/** One run of the suite against one variant. */
export interface VariantRun {
  readonly variant: Variant;
  /** 0-based repeat. */
  readonly repeat: number;
  readonly seed: number;
  readonly falsePositives: readonly FalsePositive[];
  /** Checks that skipped (e.g. inconclusive on a busy machine): not false positives, but less proof. */
  readonly skipped: readonly string[];
  readonly requests: number;
  readonly durationMs: number;
  /** False when the run was interrupted. */
  readonly complete: boolean;
}

export interface FalsePositiveRunsOptions {
  readonly checks: readonly Check[];
  readonly variants: readonly Variant[];
  /** Runs of the whole suite per variant, each with its own seed (`seed + repeat`). */
  readonly repeats: number;
  /** Generated cases per property. */
  readonly runs: number;
  readonly seed: number;
  readonly profile?: Profile;
  readonly signal: AbortSignal;
  /** Runs at once, each against its own sandbox (default 1). */
  readonly concurrency?: number;
  readonly onRun?: (run: VariantRun) => void;
}

/** The outcome per variant: its runs, in repeat order. */
export interface VariantVerdict {
  readonly variant: Variant;
  readonly runs: readonly VariantRun[];
  /** Every false positive of every run of this variant. */
  readonly falsePositives: readonly (FalsePositive & { readonly seed: number })[];
}

/** Runs the suite `repeats` times per variant; verdicts come back in the order of `variants`. */
export async function runFalsePositiveRuns(options: FalsePositiveRunsOptions): Promise<VariantVerdict[]> {
  const jobs = options.variants.flatMap((variant) => Array.from({ length: options.repeats }, (_, repeat) => ({ variant, repeat })));
  const runs: VariantRun[] = [];
  let next = 0;
  const worker = async () => {
    while (next < jobs.length && !options.signal.aborted) {
      const { variant, repeat } = jobs[next++]!;
      const seed = options.seed + repeat;
      // Each run gets its own signal, following the caller's: one listener per run, not per request.
      const signal = AbortSignal.any([options.signal]);
      const suite = (checks: readonly Check[], setup: FaultSetup) =>
        runAgainstEmbeddedSandbox({ checks, runs: options.runs, seed, signal, faults: [], setup, ...(options.profile && { profile: options.profile }) });
      const variants = [variant.name];
      const summaries: { readonly summary: RunSummary; readonly rateLimit?: string }[] = [{ summary: await suite(options.checks, { sandbox: { variants } }) }];
      const ownChecks = options.checks.filter((check) => check.section === '§6');
      const slowLimit = rateLimitFaultSetup.sandbox?.rateLimit;
      if (variant.section === '§6' && ownChecks.length > 0 && slowLimit && !signal.aborted) {
        const summary = await suite(ownChecks, { ...rateLimitFaultSetup, sandbox: { ...rateLimitFaultSetup.sandbox, variants } });
        summaries.push({ summary, rateLimit: `${slowLimit.requestsPerSecond} req/s, burst ${slowLimit.burst}` });
      }
      const run: VariantRun = {
        variant,
        repeat,
        seed,
        falsePositives: summaries.flatMap(({ summary, rateLimit }) =>
          summary.checks.flatMap((r): FalsePositive[] =>
            r.status === 'failed' || r.status === 'errored'
              ? [{ checkId: r.checkId, section: r.section, status: r.status, message: r.failures[0]?.message ?? r.reason ?? '', ...(rateLimit && { rateLimit }) }]
              : [],
          ),
        ),
        skipped: summaries.flatMap(({ summary, rateLimit }) =>
          summary.checks.filter((r) => r.status === 'skipped').map((r) => (rateLimit ? `${r.checkId} (at ${rateLimit})` : r.checkId)),
        ),
        requests: summaries.reduce((n, { summary }) => n + summary.totals.requests, 0),
        durationMs: summaries.reduce((n, { summary }) => n + summary.durationMs, 0),
        complete: summaries.every(({ summary }) => summary.complete),
      };
      runs.push(run);
      options.onRun?.(run);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 1) }, worker));
  return options.variants.map((variant) => {
    const own = runs.filter((run) => run.variant === variant).sort((a, b) => a.repeat - b.repeat);
    return { variant, runs: own, falsePositives: own.flatMap((run) => run.falsePositives.map((fp) => ({ ...fp, seed: run.seed }))) };
  });
}

/** All false positives of `verdicts`. */
export const falsePositiveCount = (verdicts: readonly VariantVerdict[]): number => verdicts.reduce((n, v) => n + v.falsePositives.length, 0);
