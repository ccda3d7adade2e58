/**
 * Failures are data; formatting is separate (style §6). A failure records
 * the check, the exchanges that show the violation, the seed and path that
 * regenerate the input, and what was expected. Every reporter formats this
 * same record.
 */
import type { Exchange } from '../http/exchange.js';
import type { ContractSection } from './check.js';

export interface Failure {
  /** Stable within a run: `<check-id>#<n>`; `boca-harness replay` takes it. */
  readonly id: string;
  readonly checkId: string;
  readonly section: ContractSection;
  readonly message: string;
  readonly expected: string;
  readonly actual: string;
  readonly exchanges: readonly Exchange[];
  /** fast-check seed and shrink path of a property's counterexample. */
  readonly seed?: number;
  readonly path?: string;
  /** The shrunk generated values, as JSON-compatible data. */
  readonly counterexample?: unknown;
  /** A curl command for the decisive request, re-signed with a fresh timestamp when it was made. */
  readonly curl?: string;
  /** `boca-harness replay ...` */
  readonly replay: string;
}

export type CheckStatus = 'passed' | 'failed' | 'skipped' | 'errored';

export interface CheckResult {
  readonly checkId: string;
  readonly section: ContractSection;
  readonly statement: string;
  readonly status: CheckStatus;
  /** Why it was skipped, or the harness error when errored. */
  readonly reason?: string;
  readonly failures: readonly Failure[];
  readonly requests: number;
  readonly durationMs: number;
  /** fast-check runs made (property checks). */
  readonly runs?: number;
  readonly seed?: number;
}

export interface RunSummary {
  readonly runId: string;
  readonly tool: { readonly name: 'boca-harness'; readonly version: string };
  readonly target: string;
  readonly startedAt: string;
  readonly durationMs: number;
  /** False when the run was interrupted (Ctrl-C) or aborted; results are partial. */
  readonly complete: boolean;
  readonly seed: number;
  readonly checks: readonly CheckResult[];
  readonly totals: { readonly passed: number; readonly failed: number; readonly skipped: number; readonly errored: number; readonly requests: number };
}
