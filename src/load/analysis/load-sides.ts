/**
 * Which side of the declared limit the offered load was on, per second of a
 * run and per request. A request's `phase` tag decides when present (a value
 * containing `above` or `below`, e.g. `above-limit`); otherwise the OFFERED
 * rate of the second it was scheduled in does: requests scheduled in that
 * second, dropped ones included, above the declared requests/s is `above`.
 * In a run whose phases name their side, a request of a phase that names
 * neither (the `retry-after` phase of polite clients) is on no side: its
 * 429s are the honesty experiment's, not throttling below the limit.
 * The run's last second is usually partial, so when it has no tags it takes
 * the side of the second before it.
 */
import type { DroppedIteration, ResponseObservation } from '../response-observation.js';
import type { DeclaredLimit } from './declared-limit.js';

export type LoadSide = 'above' | 'below';

export interface OfferedSecond {
  /** Iterations scheduled in this second (sent or dropped). */
  readonly offered: number;
  /** `mixed` when its tagged requests name both sides (a phase edge); undefined when nothing decides. */
  readonly side: LoadSide | 'mixed' | undefined;
}

/** The side a `phase` tag names, if any. */
export function phaseSide(tags: Readonly<Record<string, string>> | undefined): LoadSide | undefined {
  const phase = tags?.['phase'];
  if (phase === undefined) return undefined;
  if (/above/i.test(phase)) return 'above';
  if (/below/i.test(phase)) return 'below';
  return undefined;
}

/** Second index of `epochMs` since `startMs`, never negative. */
export const secondOf = (epochMs: number, startMs: number): number => Math.max(0, Math.floor((epochMs - startMs) / 1000));

/** Every second from `startMs` (epoch ms) to the last scheduled iteration. */
export function offeredSeconds(
  observations: readonly ResponseObservation[],
  dropped: readonly DroppedIteration[],
  startMs: number,
  declared: DeclaredLimit | undefined,
): OfferedSecond[] {
  const counts: { offered: number; above: number; below: number }[] = [];
  const at = (epochMs: number) => {
    const second = secondOf(epochMs, startMs);
    for (let i = counts.length; i <= second; i++) counts.push({ offered: 0, above: 0, below: 0 });
    return counts[second]!;
  };
  for (const d of dropped) at(d.scheduledAtMs).offered++;
  for (const o of observations) {
    const second = at(o.scheduledAtMs);
    second.offered++;
    const side = phaseSide(o.tags);
    if (side) second[side]++;
  }
  const byRate = (offered: number): LoadSide | undefined => (declared ? (offered > declared.requestsPerSecond ? 'above' : 'below') : undefined);
  const seconds: OfferedSecond[] = counts.map(({ offered, above, below }) => ({
    offered,
    side: above > 0 && below > 0 ? 'mixed' : above > 0 ? 'above' : below > 0 ? 'below' : byRate(offered),
  }));
  const last = counts.length - 1;
  if (last > 0 && counts[last]!.above + counts[last]!.below === 0) seconds[last] = { ...seconds[last]!, side: seconds[last - 1]!.side };
  return seconds;
}

/**
 * The side of one request: its phase tag, else (when `sidesTagged` is false
 * or the request has no phase) its scheduled second's side, by offered rate
 * in a mixed second. `sidesTagged`: some request of the run has a phase tag
 * naming a side.
 */
export function observationSide(
  observation: ResponseObservation,
  seconds: readonly OfferedSecond[],
  startMs: number,
  declared: DeclaredLimit | undefined,
  sidesTagged = false,
): LoadSide | undefined {
  const tagged = phaseSide(observation.tags);
  if (tagged) return tagged;
  if (sidesTagged && observation.tags?.['phase'] !== undefined) return undefined;
  const second = seconds[secondOf(observation.scheduledAtMs, startMs)];
  if (!second) return undefined;
  if (second.side !== 'mixed') return second.side;
  return declared ? (second.offered > declared.requestsPerSecond ? 'above' : 'below') : undefined;
}
