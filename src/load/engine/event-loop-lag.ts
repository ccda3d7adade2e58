/**
 * Event-loop delay of this thread while a slice runs. Node's
 * `monitorEventLoopDelay` records the whole interval between its timer's
 * runs, resolution included: an idle loop reads 10.1 ms at a 10 ms
 * resolution. The lag is what exceeds the resolution.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';

const resolutionMs = 10;

export interface EventLoopLag {
  /** Stops measuring; the p99 lag beyond the timer's resolution, ms (0 when nothing was measured). */
  stop(): number;
}

export function eventLoopLag(): EventLoopLag {
  const histogram = monitorEventLoopDelay({ resolution: resolutionMs });
  histogram.enable();
  return {
    stop() {
      histogram.disable();
      return histogram.count > 0 ? Math.max(0, histogram.percentile(99) / 1e6 - resolutionMs) : 0;
    },
  };
}
