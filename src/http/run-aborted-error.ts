/**
 * The run's signal aborted: `send` rejects with this error (after recording
 * an `aborted` exchange for a request in flight) so the runner stops at once
 * instead of treating the abort as a finding about the target.
 */

/** Stable code of the error `send` rejects with when the run's signal aborted. */
export const runAbortedCode = 'BOCA_ABORTED' as const;

export interface RunAbortedError extends Error {
  readonly name: 'AbortError';
  readonly code: typeof runAbortedCode;
}

/** An AbortError-like error carrying the signal's reason as `cause`. */
export function runAbortedError(reason: unknown): RunAbortedError {
  const error = new Error('the run was aborted', { cause: reason });
  return Object.assign(error, { name: 'AbortError' as const, code: runAbortedCode });
}

/** Whether `error` is the run-aborted error (by code, never `instanceof`). */
export function isRunAbortedError(error: unknown): error is RunAbortedError {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === runAbortedCode;
}

/** Throws the run-aborted error when `signal` has aborted. */
export function throwIfRunAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw runAbortedError(signal.reason);
}
