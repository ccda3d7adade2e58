/**
 * Runs one check and turns what happened into a CheckResult: passed, failed
 * (with failure records), skipped (with the reason) or errored (a harness or
 * transport problem that is not a finding). Aborts propagate.
 */
import fc from 'fast-check';
import type { Exchange } from '../http/exchange.js';
import { isRunAbortedError } from '../http/run-aborted-error.js';
import type { Check, PropertyCheck } from './check.js';
import type { CheckContext } from './check-context.js';
import { formatFailureId } from './failure-id.js';
import type { CheckResult, Failure } from './failure.js';
import { isSkip, isViolation, type Violation } from './violation.js';

export interface RunCheckOptions {
  readonly context: CheckContext;
  /** fast-check seed of the run. */
  readonly seed: number;
  /** Runs per property (capped by a check's own maxRuns). */
  readonly runs: number;
  /** Replay exactly this counterexample (from a failure id). */
  readonly path?: string;
  /** Every exchange of the run so far; the check's own are those appended while it runs. */
  readonly exchanges: readonly Exchange[];
  /** Builds the reproduction of a failure's decisive exchange. */
  readonly reproduce?: (exchange: Exchange) => string | undefined;
}

/** A check's verdict: one outcome of running it. */
type Outcome =
  | { kind: 'passed'; runs?: number }
  | { kind: 'failed'; violation: Violation; runs?: number; seed?: number; path?: string; counterexample?: unknown }
  | { kind: 'skipped' | 'errored'; reason: string; runs?: number };

function classify(error: unknown): Outcome {
  if (isRunAbortedError(error)) throw error;
  if (isViolation(error)) return { kind: 'failed', violation: error };
  if (isSkip(error)) return { kind: 'skipped', reason: error.message };
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return { kind: 'errored', reason: detail };
}

async function runProperty(check: PropertyCheck, options: RunCheckOptions): Promise<Outcome> {
  const arbitraries = check.arbitraries(options.context);
  // asyncProperty is typed for literal tuples; a check's arbitraries are a tuple known only to the check.
  const asyncProperty = fc.asyncProperty as unknown as (...args: unknown[]) => fc.IAsyncProperty<unknown[]>;
  const property = asyncProperty(...(arbitraries as unknown[]), (...values: unknown[]) => check.predicate(options.context, ...values));
  const numRuns = Math.max(1, Math.min(options.runs, check.maxRuns ?? Number.POSITIVE_INFINITY));
  const details = await fc.check(property, {
    seed: options.seed,
    numRuns,
    ...(options.path !== undefined ? { path: options.path, endOnFailure: true } : {}),
  });
  if (!details.failed) return { kind: 'passed', runs: details.numRuns };
  const outcome = classify(details.errorInstance);
  if (outcome.kind !== 'failed') return { ...outcome, runs: details.numRuns };
  return {
    ...outcome,
    runs: details.numRuns,
    seed: details.seed,
    ...(details.counterexamplePath !== null ? { path: details.counterexamplePath } : {}),
    counterexample: details.counterexample,
  };
}

async function outcomeOf(check: Check, options: RunCheckOptions): Promise<Outcome> {
  try {
    if (check.kind === 'property') return await runProperty(check, options);
    await check.run(options.context);
    return { kind: 'passed' };
  } catch (error) {
    return classify(error);
  }
}

const requirementGap = (check: Check, context: CheckContext): string | undefined => {
  if (check.requires?.secondPartner && !context.partners.secondary) {
    return 'needs a second partner: set BOCA_API_KEY_2 and BOCA_API_SECRET_2';
  }
  if (check.requires?.declaredRateLimit && !context.declaredRateLimit) {
    return 'needs a declared rate limit: pass --rate-limit R/s (or set profile.rateLimit in the config)';
  }
  return undefined;
};

/** Runs `check` and reports it as a CheckResult. Rejects only when the run was aborted. */
export async function runCheck(check: Check, options: RunCheckOptions): Promise<CheckResult> {
  const base = { checkId: check.id, section: check.section, statement: check.statement };
  const gap = requirementGap(check, options.context);
  if (gap) return { ...base, status: 'skipped', reason: gap, failures: [], requests: 0, durationMs: 0 };

  const firstExchange = options.exchanges.length;
  const started = performance.now();
  const outcome = await outcomeOf(check, options);
  const durationMs = performance.now() - started;
  const requests = options.exchanges.length - firstExchange;
  const runs = outcome.runs !== undefined ? { runs: outcome.runs } : {};
  const seed = check.kind === 'property' ? { seed: options.seed } : {};

  if (outcome.kind !== 'failed') {
    const status = outcome.kind;
    const reason = outcome.kind === 'passed' ? {} : { reason: outcome.reason };
    return { ...base, status, ...reason, failures: [], requests, durationMs, ...runs, ...seed };
  }
  const { violation } = outcome;
  const id = formatFailureId({ checkId: check.id, ...(outcome.seed !== undefined ? { seed: outcome.seed, path: outcome.path ?? '' } : {}) });
  const decisive = violation.exchanges.at(-1);
  const curl = decisive && options.reproduce?.(decisive);
  const failure: Failure = {
    id,
    checkId: check.id,
    section: check.section,
    message: violation.message,
    expected: violation.expected,
    actual: violation.actual,
    exchanges: violation.exchanges,
    ...(outcome.seed !== undefined ? { seed: outcome.seed, path: outcome.path ?? '' } : {}),
    ...(outcome.counterexample !== undefined ? { counterexample: toJsonData(outcome.counterexample) } : {}),
    ...(curl ? { curl } : {}),
    replay: `boca-harness replay ${id}`,
  };
  return { ...base, status: 'failed', failures: [failure], requests, durationMs, ...runs, ...seed };
}

/** Counterexamples may hold bytes, undefined or -0; reports need plain JSON data. */
function toJsonData(value: unknown): unknown {
  return JSON.parse(
    JSON.stringify(value, (_, v: unknown) => (v instanceof Uint8Array ? { bytes: Buffer.from(v).toString('utf8') } : v === undefined ? null : v)) ?? 'null',
  );
}
