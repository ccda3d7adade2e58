/**
 * Runs a list of checks one after another and collects their results. On
 * abort (Ctrl-C) it stops at once and returns what it has, marked incomplete.
 */
import type { Exchange } from '../http/exchange.js';
import { isRunAbortedError } from '../http/run-aborted-error.js';
import type { Check } from './check.js';
import type { CheckContext } from './check-context.js';
import type { CheckResult } from './failure.js';
import { runCheck } from './run-check.js';

export type RunEvent =
  | { readonly type: 'check-start'; readonly check: Check; readonly index: number; readonly total: number }
  | { readonly type: 'check-end'; readonly check: Check; readonly result: CheckResult; readonly index: number; readonly total: number };

export interface RunChecksOptions {
  readonly checks: readonly Check[];
  readonly context: CheckContext;
  readonly seed: number;
  readonly runs: number;
  /** Replay one counterexample's path (with a single check). */
  readonly path?: string;
  readonly exchanges: readonly Exchange[];
  readonly reproduce?: (exchange: Exchange) => string | undefined;
  readonly onEvent?: (event: RunEvent) => void;
}

export interface ChecksOutcome {
  readonly results: readonly CheckResult[];
  /** False when the run was aborted before every check ran. */
  readonly complete: boolean;
}

export async function runChecks(options: RunChecksOptions): Promise<ChecksOutcome> {
  const results: CheckResult[] = [];
  const total = options.checks.length;
  for (const [index, check] of options.checks.entries()) {
    if (options.context.signal.aborted) return { results, complete: false };
    options.onEvent?.({ type: 'check-start', check, index, total });
    try {
      const result = await runCheck(check, options);
      results.push(result);
      options.onEvent?.({ type: 'check-end', check, result, index, total });
    } catch (error) {
      if (isRunAbortedError(error)) return { results, complete: false };
      throw error;
    }
  }
  return { results, complete: true };
}
