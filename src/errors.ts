/**
 * The three kinds of error are kept apart (ARCHITECTURE.md): a finding about
 * the target is data, never thrown; a usage error is the user's input or
 * config (clear message, exit 2, no stack); anything else is a harness bug
 * (stack and context). Branch on `code`, never on `instanceof`: k6 bundles
 * and Node may hold two copies of a class.
 */

/** Stable codes of usage errors. */
export type UsageErrorCode =
  | 'BOCA_USAGE'
  | 'BOCA_CONFIG'
  | 'BOCA_CREDENTIALS'
  | 'BOCA_CONNECTION'
  | 'BOCA_INPUT';

export interface UsageError extends Error {
  readonly code: UsageErrorCode;
  readonly kind: 'usage';
}

/** An error in what the user gave us: printed as one clear message, exit 2. */
export function usageError(code: UsageErrorCode, message: string): UsageError {
  return Object.assign(new Error(message), { code, kind: 'usage' as const });
}

export function isUsageError(error: unknown): error is UsageError {
  return typeof error === 'object' && error !== null && (error as { kind?: unknown }).kind === 'usage';
}
