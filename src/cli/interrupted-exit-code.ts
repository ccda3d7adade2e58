/**
 * The exit code of a run stopped by a signal, as shells report it: 128 plus
 * the signal's number, so 130 for SIGINT (Ctrl-C) and 143 for SIGTERM.
 * `signal.reason` is the signal's name (see `defaultIo` in main.ts); any
 * other reason (a test's abort, an unknown one) counts as Ctrl-C.
 */
export function interruptedExitCode(signal: AbortSignal): 130 | 143 {
  return signal.reason === 'SIGTERM' ? 143 : 130;
}
