/**
 * `Retry-After` (RFC 9110 §10.2.3), contract §6: delay-seconds or an
 * HTTP-date. Pure: the clock is passed in.
 */
import { parseHttpDate } from './parse-http-date.js';

/**
 * Milliseconds to wait before retrying, from a `Retry-After` value:
 * delay-seconds × 1000, or the time from `nowMs` (epoch ms, on the server's
 * clock since the date is the server's) to the HTTP-date, never negative.
 * Undefined when the value is neither form (a negative or fractional delay, an
 * unparseable date).
 */
export function parseRetryAfter(value: string, nowMs: number): number | undefined {
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const dateMs = parseHttpDate(trimmed, nowMs);
  return dateMs === undefined ? undefined : Math.max(0, dateMs - nowMs);
}
