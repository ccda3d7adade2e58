/**
 * The stall breaker: once a target has let several requests in a row run
 * into the deadline without a complete answer, the rest of the run stops
 * waiting on it. Every further request fails at once with a `timeout` error
 * that says why, so a target that stopped answering ends the run in about
 * `consecutiveTimeouts × timeoutMs` instead of a deadline per request (fast-
 * check's shrinking alone would multiply that).
 */
import type { Transport, WireRequest } from './dispatch.js';
import { recordRequest } from './record-request.js';

export interface StallBreakerOptions {
  /** The target's origin, as the transport records it. */
  readonly origin: string;
  /** Timeouts in a row, with no answer in between, that open the breaker. */
  readonly consecutiveTimeouts: number;
  /** The per-request deadline, ms (for the message). */
  readonly timeoutMs: number;
  /** Local clock, epoch ms. */
  readonly now: () => number;
}

/** Wraps `transport`; any exchange that is not a timeout (an answer, a reset) resets the count until the breaker opens. */
export function withStallBreaker(transport: Transport, { origin, consecutiveTimeouts, timeoutMs, now }: StallBreakerOptions): Transport {
  let timeoutsInARow = 0;
  return async (request: WireRequest) => {
    if (timeoutsInARow >= consecutiveTimeouts) {
      return {
        request: recordRequest(origin, request),
        attempt: request.attempt,
        ...(request.canonicalString !== undefined ? { canonicalString: request.canonicalString } : {}),
        ...(request.signedBy !== undefined ? { signedBy: request.signedBy } : {}),
        error: { code: 'timeout', message: `not sent: the target's last ${consecutiveTimeouts} requests got no complete response within ${timeoutMs} ms each, so the run stopped waiting on it` },
        sentAtMs: now(),
        durationMs: 0,
      };
    }
    const draft = await transport(request);
    if (draft.error?.code === 'timeout') timeoutsInARow++;
    else if (draft.error?.code !== 'aborted' && timeoutsInARow < consecutiveTimeouts) timeoutsInARow = 0;
    return draft;
  };
}
