/** The 429 analysis of a load run (contract §6), a pure function of what the engine observed. */
import type { RateLimitAnalysis } from '../load-summary.js';
import type { DroppedIteration, ResponseObservation } from '../response-observation.js';
import type { DeclaredLimit } from './declared-limit.js';
import { headerCoherence } from './header-coherence.js';
import { observationSide, offeredSeconds, phaseSide, type LoadSide } from './load-sides.js';
import { retryAfterDistribution } from './retry-after-distribution.js';
import { acceptedRateIn, steadyWindows } from './steady-accepted-rate.js';

/**
 * Everything `RateLimitAnalysis` holds, from a run's observations, the limit
 * it is judged against and its dropped iterations. The run starts at the
 * earliest scheduled time (observed or dropped).
 *
 * - accepted rate: 2xx per second in steady state while the offered load was
 *   above the limit (`steadyWindows`: burst window and phase edges left out),
 *   and its ratio to the declared rate;
 * - time to the first 429, from the run's start to that answer's arrival, ms;
 * - share of 429 among answers (transport errors left out) above and below
 *   the limit, each request's side decided by its `phase` tag or else by the
 *   offered rate of its scheduled second; requests of a phase naming neither
 *   side, in a run whose phases name sides, count in neither (`load-sides.ts`);
 * - the `Retry-After` distribution (`retryAfterDistribution`);
 * - honesty: requests sent after waiting out `Retry-After`, and how many of
 *   them were throttled again;
 * - RateLimit header coherence (`headerCoherence`).
 *
 * Without a declared limit and without phase tags, the accepted rate and the
 * shares are left out.
 */
export function analyseRateLimit(
  observations: readonly ResponseObservation[],
  declared?: DeclaredLimit,
  dropped: readonly DroppedIteration[] = [],
): RateLimitAnalysis {
  // A loop, not Math.min(...): a run holds far more requests than a call has arguments.
  let startMs = Infinity;
  for (const o of observations) startMs = Math.min(startMs, o.scheduledAtMs);
  for (const d of dropped) startMs = Math.min(startMs, d.scheduledAtMs);
  const seconds = Number.isFinite(startMs) ? offeredSeconds(observations, dropped, startMs, declared) : [];

  const sidesTagged = observations.some((o) => phaseSide(o.tags) !== undefined);
  const answers: Record<LoadSide, number> = { above: 0, below: 0 };
  const throttled: Record<LoadSide, number> = { above: 0, below: 0 };
  let first429Ms: number | undefined;
  let waitedRequests = 0;
  let throttledAfterWaiting = 0;
  for (const o of observations) {
    if (o.status === 429 && (first429Ms === undefined || o.receivedAtMs < first429Ms)) first429Ms = o.receivedAtMs;
    if (o.afterRetryAfterWait) {
      waitedRequests++;
      if (o.status === 429) throttledAfterWaiting++;
    }
    if (o.status === 0) continue;
    const side = observationSide(o, seconds, startMs, declared, sidesTagged);
    if (!side) continue;
    answers[side]++;
    if (o.status === 429) throttled[side]++;
  }

  const acceptedRateAboveLimit = declared ? acceptedRateIn(observations, steadyWindows(seconds, startMs, declared)) : undefined;
  const share = (side: LoadSide): number | undefined => (answers[side] > 0 ? throttled[side] / answers[side] : undefined);
  return {
    ...(declared && { declared: { requestsPerSecond: declared.requestsPerSecond, ...(declared.burst !== undefined && { burst: declared.burst }) } }),
    ...(acceptedRateAboveLimit !== undefined && {
      acceptedRateAboveLimit,
      acceptedToDeclaredRatio: acceptedRateAboveLimit / declared!.requestsPerSecond,
    }),
    ...(first429Ms !== undefined && { timeToFirst429Ms: first429Ms - startMs }),
    ...(share('above') !== undefined && { share429AboveLimit: share('above') }),
    ...(share('below') !== undefined && { share429BelowLimit: share('below') }),
    ...retryAfterDistribution(observations),
    ...(waitedRequests > 0 && { retryAfterHonesty: { waitedRequests, throttledAfterWaiting } }),
    headerCoherence: headerCoherence(observations, declared, Number.isFinite(startMs) ? startMs : 0),
  };
}
