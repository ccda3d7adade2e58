/** The recording layer: every exchange gets its id and is kept and reported. */
import type { Dispatch, Transport, WireRequest } from './dispatch.js';
import type { Exchange } from './exchange.js';

export interface Recorder {
  readonly dispatch: Dispatch<WireRequest>;
  /** Every exchange so far, in completion order. */
  readonly exchanges: readonly Exchange[];
}

/**
 * Numbers requests `e1, e2, …` in the order they are sent, keeps every
 * exchange (429s that are then retried included) and calls `onExchange`
 * for each as it completes.
 */
export function withRecording(transport: Transport, onExchange?: (exchange: Exchange) => void): Recorder {
  const exchanges: Exchange[] = [];
  let sequence = 0;
  const dispatch: Dispatch<WireRequest> = async (request) => {
    const id = `e${++sequence}`;
    const exchange: Exchange = { id, ...(await transport(request)) };
    exchanges.push(exchange);
    onExchange?.(exchange);
    return exchange;
  };
  return { dispatch, exchanges };
}
