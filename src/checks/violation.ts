/**
 * A contract violation: thrown inside a check when the target broke the
 * property; caught by the runner and turned into a failure record. A skip is
 * thrown when a check cannot run here (and is reported as skipped, never
 * passed). Recognised by `code`, not `instanceof`.
 */
import type { Exchange } from '../http/exchange.js';

export interface Violation extends Error {
  readonly code: 'BOCA_VIOLATION';
  /** What the contract requires, e.g. `401 unauthorized`. */
  readonly expected: string;
  /** What the target did, e.g. `201 created`. */
  readonly actual: string;
  /** The exchanges that show it, the decisive one last. */
  readonly exchanges: readonly Exchange[];
}

export function violation(message: string, details: { expected: string; actual: string; exchanges: readonly (Exchange | undefined)[] }): Violation {
  return Object.assign(new Error(message), {
    code: 'BOCA_VIOLATION' as const,
    expected: details.expected,
    actual: details.actual,
    exchanges: details.exchanges.filter((e): e is Exchange => e !== undefined),
  });
}

export const isViolation = (error: unknown): error is Violation =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'BOCA_VIOLATION';

export interface Skip extends Error {
  readonly code: 'BOCA_SKIP';
}

export const skip = (reason: string): Skip => Object.assign(new Error(reason), { code: 'BOCA_SKIP' as const });

export const isSkip = (error: unknown): error is Skip =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'BOCA_SKIP';
