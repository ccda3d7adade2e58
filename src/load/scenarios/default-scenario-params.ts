/** Default `--rate/--duration/--vus` of each scenario, derived from the declared limit (contract §6). */
import type { ScenarioParams } from '../scenario-definition.js';

/**
 * Arrival-rate VUs for `rate` iterations/s that may each take up to 500 ms
 * (k6's sizing rule: median iteration time × rate + a constant).
 */
export const arrivalRateVus = (rate: number): number => Math.ceil(rate * 0.5) + 10;

export type ParamOverrides = Partial<Pick<ScenarioParams, 'rate' | 'durationSeconds' | 'vus'>>;

/**
 * The params of scenario `name`, `overrides` (from `--rate/--duration/--vus`
 * or k6 `__ENV`) applied over these defaults:
 * - `throughput`: 80% of the declared limit for 30 s;
 * - `rate-limit`: 2× the declared limit, 10 s per phase (30 s in all);
 * - `idempotency-storm`: 20 VUs for 10 s (`rate` is unused).
 * Arrival-rate scenarios size their VUs from the rate unless `vus` is given.
 */
export function defaultScenarioParams(
  name: string,
  declaredLimit: ScenarioParams['declaredLimit'],
  overrides: ParamOverrides = {},
): ScenarioParams {
  const rps = declaredLimit.requestsPerSecond;
  if (name === 'idempotency-storm') {
    return { rate: overrides.rate ?? Math.max(1, Math.round(rps)), durationSeconds: overrides.durationSeconds ?? 10, vus: overrides.vus ?? 20, declaredLimit };
  }
  const rate = overrides.rate ?? (name === 'rate-limit' ? Math.max(2, Math.round(2 * rps)) : Math.max(1, Math.round(0.8 * rps)));
  return {
    rate,
    durationSeconds: overrides.durationSeconds ?? (name === 'rate-limit' ? 10 : 30),
    vus: overrides.vus ?? arrivalRateVus(rate),
    declaredLimit,
  };
}
