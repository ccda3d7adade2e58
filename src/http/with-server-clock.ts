/** The server-clock layer: every response's `Date` header refines the clock estimate. */
import type { Dispatch } from './dispatch.js';
import type { LearningServerClock } from './server-clock.js';

/** Feeds each exchange's send/receive times and `Date` header to `clock`. */
export function withServerClock<R>(next: Dispatch<R>, clock: LearningServerClock): Dispatch<R> {
  return async (request) => {
    const exchange = await next(request);
    if (exchange.response) clock.observe(exchange.sentAtMs, exchange.sentAtMs + exchange.durationMs, exchange.response.headers['date']);
    return exchange;
  };
}
