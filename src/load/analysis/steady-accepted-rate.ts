/** The accepted (2xx) rate while the offered load stayed above the declared limit, in steady state. */
import type { ResponseObservation } from '../response-observation.js';
import type { DeclaredLimit } from './declared-limit.js';
import type { OfferedSecond } from './load-sides.js';

export interface SteadyWindow {
  /** Epoch ms, inclusive. */
  readonly fromMs: number;
  /** Epoch ms, exclusive. */
  readonly toMs: number;
}

/**
 * The measurement windows: each run of consecutive `above` seconds, less its
 * burst window at the start and its last second (a phase edge: the load may
 * change inside it). The burst window is the time a full bucket takes to
 * drain at the run's mean offered rate, `burst / (offered − limit)` seconds
 * (= burst / limit at 2× offered load); `burst` defaults to one second's
 * worth of the limit. Windows shorter than a second are left out, and so
 * are runs whose offered rate is not above the limit after all.
 */
export function steadyWindows(seconds: readonly OfferedSecond[], startMs: number, declared: DeclaredLimit): SteadyWindow[] {
  const windows: SteadyWindow[] = [];
  const rate = declared.requestsPerSecond;
  const burst = declared.burst ?? rate;
  let first = 0;
  while (first < seconds.length) {
    if (seconds[first]!.side !== 'above') {
      first++;
      continue;
    }
    let last = first;
    while (last + 1 < seconds.length && seconds[last + 1]!.side === 'above') last++;
    const offeredRate = seconds.slice(first, last + 1).reduce((sum, s) => sum + s.offered, 0) / (last - first + 1);
    const excess = offeredRate - rate;
    if (excess > 0) {
      const fromMs = startMs + first * 1000 + (burst / excess) * 1000;
      const toMs = startMs + last * 1000;
      if (toMs - fromMs >= 1000) windows.push({ fromMs, toMs });
    }
    first = last + 1;
  }
  return windows;
}

/** 2xx answers per second over `windows`, counted by send time (when the limiter saw them); undefined without windows. */
export function acceptedRateIn(observations: readonly ResponseObservation[], windows: readonly SteadyWindow[]): number | undefined {
  if (windows.length === 0) return undefined;
  const seconds = windows.reduce((sum, w) => sum + (w.toMs - w.fromMs) / 1000, 0);
  let accepted = 0;
  for (const o of observations) {
    if (o.status < 200 || o.status >= 300) continue;
    if (windows.some((w) => o.sentAtMs >= w.fromMs && o.sentAtMs < w.toMs)) accepted++;
  }
  return accepted / seconds;
}
