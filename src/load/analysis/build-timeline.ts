/** The per-second timeline of a Node-engine run (load.html's plots). */
import type { TimelinePoint } from '../load-summary.js';
import type { DroppedIteration, ResponseObservation } from '../response-observation.js';
import { percentile } from './latency-summary.js';

interface Bucket {
  offered: number;
  sent: number;
  dropped: number;
  accepted: number;
  throttled: number;
  failed: number;
  latenciesMs: number[];
}

const emptyBucket = (): Bucket => ({ offered: 0, sent: 0, dropped: 0, accepted: 0, throttled: 0, failed: 0, latenciesMs: [] });

/**
 * One point per second from `startedAtMs` (epoch ms) to the last event, empty
 * seconds included. Each request counts where it happened: `offered` and
 * `dropped` by scheduled time (dropped iterations are offered too), `sent` by
 * send time, `accepted` (2xx) / `throttled` (429) / `failed` (anything else,
 * transport errors included) by the time the answer arrived, and p50/p99
 * over the answers that arrived in that second, measured from their scheduled
 * time (no coordinated omission), ms; 0 when no answer arrived. Events before
 * `startedAtMs` go to second 0.
 */
export function buildTimeline(observations: readonly ResponseObservation[], dropped: readonly DroppedIteration[], startedAtMs: number): TimelinePoint[] {
  const buckets: Bucket[] = [];
  const at = (epochMs: number): Bucket => {
    const second = Math.max(0, Math.floor((epochMs - startedAtMs) / 1000));
    for (let i = buckets.length; i <= second; i++) buckets.push(emptyBucket());
    return buckets[second]!;
  };
  for (const d of dropped) {
    const bucket = at(d.scheduledAtMs);
    bucket.offered++;
    bucket.dropped++;
  }
  for (const o of observations) {
    at(o.scheduledAtMs).offered++;
    at(o.sentAtMs).sent++;
    const answered = at(o.receivedAtMs);
    if (o.status >= 200 && o.status < 300) answered.accepted++;
    else if (o.status === 429) answered.throttled++;
    else answered.failed++;
    answered.latenciesMs.push(o.receivedAtMs - o.scheduledAtMs);
  }
  return buckets.map(({ latenciesMs, ...counts }, t) => {
    latenciesMs.sort((a, b) => a - b);
    return { t, ...counts, p50: percentile(latenciesMs, 0.5), p99: percentile(latenciesMs, 0.99) };
  });
}
