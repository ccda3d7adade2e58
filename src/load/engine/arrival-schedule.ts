/**
 * When an arrival-rate scenario starts each iteration (k6's open model:
 * "iteration starts are spaced fractionally"). The rate is piecewise linear
 * (ramping-arrival-rate interpolates linearly within a stage); iteration i
 * (0-based) starts at the time t where the cumulative count of iterations
 * ∫rate reaches i, so constant-arrival-rate at 10/s starts at 0, 100, 200 ms….
 */
import type { RateStage } from './scenario-plan.js';

export interface ArrivalSchedule {
  /** Iterations the schedule holds (those that start before the end of the last stage). */
  readonly total: number;
  /** Start of iteration i, ms from the scenario start. */
  offsetMs(i: number): number;
}

export function arrivalSchedule(stages: readonly RateStage[]): ArrivalSchedule {
  // Count of iterations (per ms units) at the start of each stage.
  const before: number[] = [];
  let cumulative = 0;
  for (const stage of stages) {
    before.push(cumulative);
    cumulative += ((stage.fromRate + stage.toRate) / 2) * (stage.durationMs / 1000);
  }
  // Iterations i with time < end ⟺ i < cumulative; rounding guards 299.9999999 → 300.
  const rounded = Math.round(cumulative);
  const total = Math.abs(cumulative - rounded) < 1e-9 ? rounded : Math.ceil(cumulative);
  const starts: number[] = [];
  let t = 0;
  for (const stage of stages) {
    starts.push(t);
    t += stage.durationMs;
  }
  return {
    total,
    offsetMs(i: number): number {
      let k = stages.length - 1;
      while (k > 0 && before[k]! > i + 1e-9) k--;
      const stage = stages[k]!;
      const n = i - before[k]!;
      if (n <= 0) return starts[k]!;
      const r0 = stage.fromRate / 1000;
      const r1 = stage.toRate / 1000;
      const d = stage.durationMs;
      if (Math.abs(r1 - r0) < 1e-12) return starts[k]! + (r0 === 0 ? d : n / r0);
      // r0·t + (r1 − r0)·t² / (2d) = n
      const a = (r1 - r0) / (2 * d);
      const root = Math.sqrt(Math.max(0, r0 * r0 + 4 * a * n));
      return starts[k]! + Math.min(d, (2 * n) / (r0 + root));
    },
  };
}
