/**
 * Whether a target keeping a limit surely had a token for a request, from
 * what the client saw (contract §6). The target received request i at some
 * time between its send (s_i) and its answer (c_i); a token bucket of `burst`
 * refilling at `requestsPerSecond`, full when the first was sent, lacks a
 * token for request k only if, for some t, more than burst + rate·(s_k − t)
 * requests could have arrived between t and k's arrival. Counting as
 * possibly arrived every request answered at or after t and sent before k's
 * answer makes the judgement safe however the network bunched them.
 */
import type { Exchange } from '../../http/exchange.js';
import type { DeclaredLimit } from './declared-limit.js';
import { completedAtMs } from './offer-at-rate.js';

/** True when no arrival order consistent with the send and answer times could have emptied the bucket before `exchanges[k]`. */
export function surelyWithinLimit(exchanges: readonly Exchange[], k: number, limit: DeclaredLimit): boolean {
  const target = exchanges[k]!;
  const sentMs = target.sentAtMs;
  const answeredMs = completedAtMs(target);
  // Requests that may have reached the target before k did, latest answer first.
  const candidates = exchanges.filter((exchange) => exchange.sentAtMs <= answeredMs).map(completedAtMs).sort((a, b) => b - a);
  // One request of slack for rounding in the target's arithmetic.
  const tokens = (fromMs: number) => limit.burst - 1 + (limit.requestsPerSecond * Math.max(0, sentMs - fromMs)) / 1000;
  return candidates.every((fromMs, index) => index + 1 <= tokens(fromMs));
}
