/** The live progress of a run (about once a second) and the one line a TTY shows of it. */
import { createHistogram, mergeInto, type Histogram } from './histogram.js';

/** What a thread measured since its last report. */
export interface ProgressDelta {
  offered: number;
  sent: number;
  dropped: number;
  /** Answers: 2xx, 429, anything else (other statuses and transport errors). */
  accepted: number;
  throttled: number;
  failed: number;
  /** Latency from the scheduled time of the answers, µs. */
  readonly latency: Histogram;
}

export const createProgressDelta = (): ProgressDelta => ({ offered: 0, sent: 0, dropped: 0, accepted: 0, throttled: 0, failed: 0, latency: createHistogram() });

export function mergeProgressDelta(into: ProgressDelta, from: ProgressDelta): ProgressDelta {
  into.offered += from.offered;
  into.sent += from.sent;
  into.dropped += from.dropped;
  into.accepted += from.accepted;
  into.throttled += from.throttled;
  into.failed += from.failed;
  mergeInto(into.latency, from.latency);
  return into;
}

export interface LoadProgress {
  /** Since the start of the schedule, ms. */
  readonly elapsedMs: number;
  /** The planned length of the main phase, ms. */
  readonly plannedMs: number;
  /** Iterations scheduled per second over the last interval. */
  readonly offeredRps: number;
  /** Requests answered per second over the last interval. */
  readonly achievedRps: number;
  /** Latency from the scheduled time over the last interval, ms. */
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** Share of the last interval's answers that were 429 (0..1). */
  readonly share429: number;
  /** Dropped iterations since the start. */
  readonly dropped: number;
  /** Requests sent since the start. */
  readonly sent: number;
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(0)}s`;
const rate = (n: number): string => (n >= 10_000 ? `${(n / 1000).toFixed(1)}k` : n.toFixed(0));
const latency = (ms: number): string => (ms >= 1000 ? `${(ms / 1000).toFixed(2)}s` : ms >= 10 ? `${ms.toFixed(0)}ms` : `${ms.toFixed(1)}ms`);

/** `  12s/30s  offered 500/s  achieved 498/s  p50 1.2ms  p99 8.4ms  429 12.0%  dropped 0` (pure, no colour). */
export function formatProgressLine(progress: LoadProgress): string {
  return [
    `${seconds(progress.elapsedMs)}/${seconds(progress.plannedMs)}`,
    `offered ${rate(progress.offeredRps)}/s`,
    `achieved ${rate(progress.achievedRps)}/s`,
    `p50 ${latency(progress.p50Ms)}`,
    `p99 ${latency(progress.p99Ms)}`,
    `429 ${(progress.share429 * 100).toFixed(1)}%`,
    `dropped ${progress.dropped}`,
  ].join('  ');
}
