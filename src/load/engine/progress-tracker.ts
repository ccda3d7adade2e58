/** Turns the threads' progress deltas into one LoadProgress about once a second. */
import { percentile } from './histogram.js';
import { createProgressDelta, mergeProgressDelta, type LoadProgress, type ProgressDelta } from './load-progress.js';

export interface ProgressTracker {
  add(delta: ProgressDelta): void;
  /** Emits what arrived since the last emission. */
  emit(nowMs: number): void;
}

export function progressTracker(startAtMs: number, plannedMs: number, onProgress: (progress: LoadProgress) => void): ProgressTracker {
  let pending = createProgressDelta();
  let lastMs = startAtMs;
  let dropped = 0;
  let sent = 0;
  return {
    add(delta) {
      mergeProgressDelta(pending, delta);
    },
    emit(nowMs) {
      const seconds = Math.max(0.001, (nowMs - lastMs) / 1000);
      const d = pending;
      dropped += d.dropped;
      sent += d.sent;
      const answered = d.accepted + d.throttled + d.failed;
      onProgress({
        elapsedMs: Math.max(0, nowMs - startAtMs),
        plannedMs,
        offeredRps: d.offered / seconds,
        achievedRps: answered / seconds,
        p50Ms: percentile(d.latency, 50) / 1000,
        p99Ms: percentile(d.latency, 99) / 1000,
        share429: answered ? d.throttled / answered : 0,
        dropped,
        sent,
      });
      pending = createProgressDelta();
      lastMs = nowMs;
    },
  };
}
