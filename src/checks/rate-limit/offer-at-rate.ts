/**
 * Sending on a fixed timetable, contract §6: the rate-limit checks offer a
 * known rate (half or twice the declared limit) and judge what came back.
 * Requests bypass the client's pacing and its retry on 429.
 */
import type { Exchange } from '../../http/exchange.js';
import { pause, realSleep } from '../../http/sleep.js';
import type { CheckContext, OutgoingRequest } from '../check-context.js';

export interface OfferOptions {
  /** Offered rate, requests per second. */
  readonly requestsPerSecond: number;
  /** Slots are scheduled within this many ms from the start. */
  readonly durationMs: number;
  /** At most this many requests. */
  readonly maxRequests: number;
  /** The request of slot `n` (0-based); sent with `pace: false, retryOn429: false`. */
  readonly request: (slot: number) => OutgoingRequest;
  /** No further slot is sent once an answer satisfies this (answers already in flight still complete). */
  readonly stopWhen?: (exchange: Exchange) => boolean;
  /**
   * How many overdue slots may go at once when the sender fell behind (a
   * late timer, a busy event loop); beyond that the timetable shifts, so
   * the offered rate is never exceeded by more than this burst. Default:
   * unlimited (every overdue slot goes at once: only for offering too much).
   */
  readonly maxLagSlots?: number;
  /**
   * At most this many requests in flight; the next slot waits for an answer.
   * Beyond what the target answers in parallel, more would only queue in the
   * client and reach the target late, in a bunch. Default 64.
   */
  readonly maxInFlight?: number;
}

export interface Offered {
  /** The exchanges in slot (send) order. */
  readonly exchanges: readonly Exchange[];
  /** Local epoch ms of the first send. */
  readonly startedMs: number;
}

/** Consecutive sends without giving the event loop a turn (the target may share this process). */
const sendsPerTurn = 16;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Sends `options.request(n)` at slot n of the timetable until the horizon, `maxRequests` or `stopWhen`; resolves once every answer is in. */
export async function offerAtRate(context: CheckContext, options: OfferOptions): Promise<Offered> {
  const intervalMs = 1000 / options.requestsPerSecond;
  const maxLag = options.maxLagSlots ?? Number.POSITIVE_INFINITY;
  const startedMs = Date.now();
  let baseMs = startedMs;
  let stopped = false;
  let sentThisTurn = 0;
  const pending: Promise<Exchange>[] = [];
  const maxInFlight = options.maxInFlight ?? 64;
  let inFlight = 0;
  let answered: (() => void) | undefined;
  for (let slot = 0; slot < options.maxRequests && !stopped; slot++) {
    let dueMs = baseMs + slot * intervalMs;
    const nowMs = Date.now();
    const lagSlots = Math.floor((nowMs - dueMs) / intervalMs);
    if (lagSlots > maxLag) {
      baseMs += (lagSlots - maxLag) * intervalMs;
      dueMs = baseMs + slot * intervalMs;
    }
    if (dueMs - startedMs >= options.durationMs) break;
    if (dueMs > nowMs) {
      await pause(realSleep, dueMs - nowMs, context.signal);
      sentThisTurn = 0;
      if (stopped) break;
    } else if (++sentThisTurn >= sendsPerTurn) {
      await nextTurn();
      sentThisTurn = 0;
      if (stopped) break;
    }
    while (inFlight >= maxInFlight) await new Promise<void>((resolve) => (answered = resolve));
    if (stopped) break;
    const request = { ...options.request(slot), pace: false as const, retryOn429: false as const };
    inFlight++;
    const sent = context.client
      .send(request)
      .then((exchange) => {
        if (options.stopWhen?.(exchange)) stopped = true;
        return exchange;
      })
      .finally(() => {
        inFlight--;
        answered?.();
        answered = undefined;
      });
    // An abort ends the loop (pause rejects) before Promise.all below sees these: their rejections must not go unhandled and crash the process.
    sent.catch(() => {});
    pending.push(sent);
  }
  const exchanges = await Promise.all(pending);
  return { exchanges, startedMs };
}

/** Sends all `requests` at once (unpaced, no retry on 429) and resolves with their exchanges in send order. */
export const sendVolley = (context: CheckContext, requests: readonly OutgoingRequest[]): Promise<Exchange[]> =>
  Promise.all(requests.map((request) => context.client.send({ ...request, pace: false, retryOn429: false })));

/** Local epoch ms when `exchange`'s answer had arrived. */
export const completedAtMs = (exchange: Exchange): number => exchange.sentAtMs + exchange.durationMs;

export const isThrottled = (exchange: Exchange): boolean => exchange.response?.status === 429;
