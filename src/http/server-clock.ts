/**
 * The server's clock as learned from the `Date` header of its responses
 * (contract §1: the skew window is measured against the server's clock).
 */
import { parseHttpDate } from '../contract/parse-http-date.js';

/** The server's clock: local time plus an estimated offset. */
export interface ServerClock {
  /** Estimated server time minus local time, ms (0 before the first sample). */
  readonly offsetMs: number;
  /** Whether a response has carried a usable `Date` header yet. */
  readonly hasSample: boolean;
  /** The server's now, epoch ms: the local clock plus `offsetMs`. */
  nowMs(): number;
}

/** A server clock that learns from responses. */
export interface LearningServerClock extends ServerClock {
  /**
   * Learns from one response: `sentAtMs` and `receivedAtMs` are local epoch ms
   * around the exchange, `date` the response's `Date` header value.
   */
  observe(sentAtMs: number, receivedAtMs: number, date: string | undefined): void;
}

/**
 * A server clock estimated from `Date` headers. `Date` has one-second
 * resolution and the server stamped it somewhere between sending and
 * receiving, so each sample bounds the offset: server time lies in
 * [date, date + 1000) and the local time of stamping in [sent, received],
 * hence date − received ≤ offset < date + 1000 − sent. The clock keeps the
 * tightest running bounds (max of lower bounds, min of upper bounds) and
 * estimates the midpoint, which converges below a second over a few
 * requests. Samples that contradict the bounds (the server's clock jumped)
 * restart the estimate from the newest sample.
 */
export function createServerClock(now: () => number = Date.now): LearningServerClock {
  let lowerMs = Number.NEGATIVE_INFINITY;
  let upperMs = Number.POSITIVE_INFINITY;
  let offsetMs = 0;
  let hasSample = false;
  return {
    get offsetMs() {
      return offsetMs;
    },
    get hasSample() {
      return hasSample;
    },
    nowMs: () => now() + offsetMs,
    observe(sentAtMs, receivedAtMs, date) {
      if (date === undefined) return;
      const dateMs = parseHttpDate(date.trim(), now());
      if (dateMs === undefined) return;
      const sampleLower = dateMs - receivedAtMs;
      const sampleUpper = dateMs + 1000 - sentAtMs;
      if (sampleLower > upperMs || sampleUpper < lowerMs) {
        lowerMs = sampleLower;
        upperMs = sampleUpper;
      } else {
        lowerMs = Math.max(lowerMs, sampleLower);
        upperMs = Math.min(upperMs, sampleUpper);
      }
      offsetMs = Math.round((lowerMs + upperMs) / 2);
      hasSample = true;
    },
  };
}
