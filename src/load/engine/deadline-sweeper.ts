/**
 * One timer for the deadlines of every request in flight, instead of a timer
 * and an AbortSignal per request. Every request gets the same timeout, so
 * deadlines come in the order requests were added: the sweeper only ever
 * looks at the oldest ones. A request ends at most `resolutionMs` after its
 * deadline (a twentieth of the timeout, between 5 and 100 ms).
 */
export interface DeadlineSweeper<T> {
  add(item: T): void;
  remove(item: T): void;
  /** Stops the timer; items still held never expire. */
  stop(): void;
}

export const sweepResolutionMs = (timeoutMs: number): number => Math.min(100, Math.max(5, Math.round(timeoutMs / 20)));

export function deadlineSweeper<T>(timeoutMs: number, expire: (item: T) => void, now: () => number = () => performance.now()): DeadlineSweeper<T> {
  /** Item → its deadline; a Map keeps insertion order, which is deadline order. */
  const deadlines = new Map<T, number>();
  let timer: ReturnType<typeof setInterval> | undefined;

  const sweep = (): void => {
    const t = now();
    for (const [item, deadline] of deadlines) {
      if (deadline > t) break;
      deadlines.delete(item);
      expire(item);
    }
    if (deadlines.size === 0 && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  };

  return {
    add(item) {
      deadlines.set(item, now() + timeoutMs);
      // Unref'd: a sweeper never keeps a process alive; requests in flight do.
      timer ??= setInterval(sweep, sweepResolutionMs(timeoutMs)).unref();
    },
    remove(item) {
      deadlines.delete(item);
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
    },
  };
}
