/** The 429 of contract §6: the error envelope and a `Retry-After` in either form. */
import type { Exchange } from '../../http/exchange.js';
import { parseRetryAfter } from '../../contract/parse-retry-after.js';
import type { CheckContext } from '../check-context.js';
import { expectEnvelope, outcome } from '../expect.js';
import { violation } from '../violation.js';
import { completedAtMs } from './offer-at-rate.js';

export interface RetryAfter {
  /** The header value as sent. */
  readonly value: string;
  readonly form: 'delay-seconds' | 'HTTP-date';
  /** Local epoch ms from which the client may retry. */
  readonly retryAtMs: number;
}

/**
 * Checks a 429: the envelope with `too_many_requests`, and `Retry-After` as
 * delay-seconds (a non-negative integer) or an HTTP-date. An HTTP-date is
 * read on the server's clock (learned from `Date` headers) at the time the
 * answer arrived. Returns when the client may retry.
 */
export function expectThrottled(context: CheckContext, exchange: Exchange, what: string): RetryAfter {
  expectEnvelope(exchange, 429, what);
  const value = exchange.response!.headers['retry-after'];
  if (value === undefined) {
    throw violation(`${what}: a 429 MUST carry Retry-After (contract §6), but it had none`, {
      expected: '429 with Retry-After: delay-seconds or an HTTP-date',
      actual: `${outcome(exchange)} without Retry-After`,
      exchanges: [exchange],
    });
  }
  const arrivedMs = completedAtMs(exchange);
  const serverNowAtArrivalMs = context.serverNowMs() - (Date.now() - arrivedMs);
  const waitMs = parseRetryAfter(value, serverNowAtArrivalMs);
  if (waitMs === undefined) {
    throw violation(`${what}: Retry-After ${JSON.stringify(value)} is neither delay-seconds (a non-negative integer) nor an HTTP-date (contract §6)`, {
      expected: 'Retry-After: delay-seconds or an HTTP-date',
      actual: `Retry-After: ${value}`,
      exchanges: [exchange],
    });
  }
  return { value, form: /^\s*\d+\s*$/.test(value) ? 'delay-seconds' : 'HTTP-date', retryAtMs: arrivedMs + waitMs };
}
