/**
 * k6 scenarios normalised for the Node engine: times in ms, rates in
 * iterations per second, defaults applied (startTime 0s, gracefulStop 30s,
 * exec "default", timeUnit 1s, maxVUs = preAllocatedVUs). Only the executors
 * `nodeEngineSupport` accepts reach this point.
 */
import type { Options } from 'k6/options';
import { parseDuration } from '../k6-options/parse-duration.js';

/** One piece of the rate curve: linear from `fromRate` to `toRate` (iterations/s) over `durationMs`. */
export interface RateStage {
  readonly durationMs: number;
  readonly fromRate: number;
  readonly toRate: number;
}

interface PlanBase {
  /** The key of options.scenarios. */
  readonly name: string;
  readonly exec: string;
  readonly tags: Readonly<Record<string, string>>;
  readonly startMs: number;
  readonly durationMs: number;
  readonly gracefulStopMs: number;
}

/** constant-arrival-rate and ramping-arrival-rate: the open model. */
export interface ArrivalPlan extends PlanBase {
  readonly kind: 'arrival';
  readonly stages: readonly RateStage[];
  readonly preAllocatedVUs: number;
  readonly maxVUs: number;
}

/** constant-vus: the closed model. */
export interface ClosedPlan extends PlanBase {
  readonly kind: 'closed';
  readonly vus: number;
}

export type ScenarioPlan = ArrivalPlan | ClosedPlan;

const ms = (value: unknown, fallback: number): number => (value === undefined ? fallback : (parseDuration(value) ?? fallback));

/** The plans of `options.scenarios` (validated beforehand with validateK6Options and nodeEngineSupport). */
export function scenarioPlans(options: Options): ScenarioPlan[] {
  return Object.entries(options.scenarios ?? {}).map(([name, raw]): ScenarioPlan => {
    const s = raw as unknown as Record<string, unknown>;
    const base = {
      name,
      exec: typeof s.exec === 'string' ? s.exec : 'default',
      tags: (s.tags as Record<string, string> | undefined) ?? {},
      startMs: ms(s.startTime, 0),
      gracefulStopMs: ms(s.gracefulStop, 30_000),
    };
    if (s.executor === 'constant-vus') return { ...base, kind: 'closed', durationMs: ms(s.duration, 0), vus: (s.vus as number | undefined) ?? 1 };
    const perSecond = 1000 / ms(s.timeUnit, 1000);
    const preAllocatedVUs = (s.preAllocatedVUs as number | undefined) ?? 1;
    const maxVUs = Math.max(preAllocatedVUs, (s.maxVUs as number | undefined) ?? preAllocatedVUs);
    let stages: RateStage[];
    if (s.executor === 'constant-arrival-rate') {
      const rate = (s.rate as number) * perSecond;
      stages = [{ durationMs: ms(s.duration, 0), fromRate: rate, toRate: rate }];
    } else {
      let from = ((s.startRate as number | undefined) ?? 0) * perSecond;
      stages = ((s.stages as { duration: string; target: number }[] | undefined) ?? []).map((stage) => {
        const to = stage.target * perSecond;
        const piece = { durationMs: ms(stage.duration, 0), fromRate: from, toRate: to };
        from = to;
        return piece;
      });
    }
    return { ...base, kind: 'arrival', stages, durationMs: stages.reduce((sum, p) => sum + p.durationMs, 0), preAllocatedVUs, maxVUs };
  });
}

/** The highest offered rate of the plans running at once, iterations/s (arrival plans). */
export function peakRate(plans: readonly ScenarioPlan[]): number {
  const arrival = plans.filter((p): p is ArrivalPlan => p.kind === 'arrival');
  const edges = arrival.flatMap((p) => {
    let t = p.startMs;
    return p.stages.flatMap((s) => [t, (t += s.durationMs)]);
  });
  let peak = 0;
  for (const t of edges) {
    let total = 0;
    for (const p of arrival) {
      let start = p.startMs;
      for (const s of p.stages) {
        const end = start + s.durationMs;
        if (t >= start && t <= end) total += Math.max(s.fromRate, s.toRate);
        start = end;
      }
    }
    peak = Math.max(peak, total);
  }
  return peak;
}

/** When the last scenario's main phase ends, ms from the start (gracefulStop excluded). */
export const plannedDurationMs = (plans: readonly ScenarioPlan[]): number => Math.max(0, ...plans.map((p) => p.startMs + p.durationMs));
