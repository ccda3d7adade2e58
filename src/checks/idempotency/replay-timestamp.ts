/** Timestamps for replays, contract §4: a replay MUST be accepted with a fresh timestamp and signature. */
import { formatRfc3339, parseRfc3339 } from '../../contract/rfc3339.js';
import type { Exchange } from '../../http/exchange.js';
import type { CheckContext } from '../check-context.js';

/** The X-Request-Timestamp (profile name) that `exchange` was sent with, if any. */
export function sentTimestamp(context: CheckContext, exchange: Exchange): string | undefined {
  const name = context.profile.headers.timestamp.toLowerCase();
  return Object.entries(exchange.request.headers).find(([header]) => header.toLowerCase() === name)?.[1];
}

/**
 * A timestamp for replaying `first`: the server's now, or one second earlier
 * when now formats to the very value `first` carried (timestamps have whole
 * seconds), so the replay is signed over a different canonical string.
 */
export function replayTimestamp(context: CheckContext, first: Exchange): string {
  const nowMs = context.serverNowMs();
  const previous = sentTimestamp(context, first);
  const now = formatRfc3339(nowMs);
  if (previous === undefined || parseRfc3339(previous) !== parseRfc3339(now)) return now;
  return formatRfc3339(nowMs - 1000);
}
