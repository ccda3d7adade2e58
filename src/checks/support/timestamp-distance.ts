/** Describing an X-Request-Timestamp against the server's clock, for the clock-skew checks (contract §1). */
import { parseRfc3339 } from '../../contract/rfc3339.js';
import type { CheckContext } from '../check-context.js';

/** `-270 s from the server's clock` (negative: in the past), or `unparsable`. */
export function secondsFromServerClock(timestamp: string, context: CheckContext): string {
  const ms = parseRfc3339(timestamp);
  return ms === undefined ? 'unparsable' : `${Math.round((ms - context.serverNowMs()) / 1000)} s from the server's clock`;
}
