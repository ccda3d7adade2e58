/** The engine's clock: epoch ms with sub-millisecond precision, and waiting until a time. Injected so scheduler tests run on virtual time. */
export interface Clock {
  /** Epoch ms, sub-millisecond precision, monotonic within a thread. */
  now(): number;
  /** Resolves at `epochMs` (at once when it has passed) or when `signal` aborts. */
  sleepUntil(epochMs: number, signal: AbortSignal): Promise<void>;
}

/**
 * The real clock: `performance.timeOrigin + performance.now()` (the same
 * epoch in every worker thread). Waits with timers, never a spin: a timer
 * fires up to ~1 ms late, which shows as dispatch lag, not as a shifted schedule.
 * The scheduler sleeps once per iteration, so a wait shorter than
 * `listenAboveMs` does not listen on the signal (an abort is seen when it
 * ends); longer ones end at once on abort.
 */
const listenAboveMs = 50;

export const realClock: Clock = {
  now: () => performance.timeOrigin + performance.now(),
  sleepUntil(epochMs, signal) {
    const wait = epochMs - (performance.timeOrigin + performance.now());
    if (wait <= 0 || signal.aborted) return Promise.resolve();
    if (wait < 1) return new Promise((resolve) => setImmediate(resolve));
    if (wait < listenAboveMs) return new Promise((resolve) => setTimeout(resolve, Math.floor(wait)));
    return new Promise((resolve) => {
      const wake = (): void => {
        clearTimeout(timer);
        signal.removeEventListener('abort', wake);
        resolve();
      };
      const timer = setTimeout(wake, Math.floor(wait));
      signal.addEventListener('abort', wake, { once: true });
    });
  },
};

/**
 * A discrete-event clock for deterministic scheduler tests: time only moves
 * when every pending promise has settled (a macrotask later), and then jumps
 * to the earliest sleeper's wake-up time.
 */
export function virtualClock(startMs = 0): Clock {
  let t = startMs;
  const sleepers: { at: number; wake: () => void }[] = [];
  let ticking = false;
  const tick = (): void => {
    ticking = false;
    if (sleepers.length === 0) return;
    sleepers.sort((a, b) => a.at - b.at);
    t = Math.max(t, sleepers[0]!.at);
    while (sleepers.length > 0 && sleepers[0]!.at <= t) sleepers.shift()!.wake();
    schedule();
  };
  const schedule = (): void => {
    if (!ticking && sleepers.length > 0) {
      ticking = true;
      setImmediate(tick);
    }
  };
  return {
    now: () => t,
    sleepUntil(epochMs, signal) {
      if (epochMs <= t || signal.aborted) return Promise.resolve();
      return new Promise<void>((resolve) => {
        const sleeper = {
          at: epochMs,
          wake: () => {
            signal.removeEventListener('abort', onAbort);
            resolve();
          },
        };
        const onAbort = (): void => {
          sleepers.splice(sleepers.indexOf(sleeper), 1);
          resolve();
        };
        signal.addEventListener('abort', onAbort, { once: true });
        sleepers.push(sleeper);
        schedule();
      });
    },
  };
}
