/**
 * `ScenarioParams` of a k6 run from its environment, so `k6 run -e BOCA_RATE=200`
 * changes what `--rate 200` changes in the Node engine:
 * BOCA_RATE (iterations/s), BOCA_DURATION (seconds, or a k6 duration such as
 * `1m`), BOCA_VUS, BOCA_LIMIT_RPS and BOCA_LIMIT_BURST (the declared limit,
 * contract §6; default: the profile's). Unset values take the scenario's
 * defaults (`defaultScenarioParams`).
 */
import type { ScenarioParams } from '../scenario-definition.js';
import { defaultScenarioParams } from '../scenarios/default-scenario-params.js';
import { k6DurationSeconds } from './k6-duration-seconds.js';

type Env = Readonly<Record<string, string | undefined>>;

function positive(env: Env, name: string, whole: boolean): number | undefined {
  const text = env[name];
  if (text === undefined || text === '') return undefined;
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0 || (whole && !Number.isInteger(value))) {
    throw new Error(`${name}=${text}: expected a positive ${whole ? 'whole ' : ''}number`);
  }
  return value;
}

function durationSeconds(env: Env): number | undefined {
  const text = env.BOCA_DURATION;
  if (text === undefined || text === '') return undefined;
  const seconds = /^\d+$/.test(text) ? Number(text) : k6DurationSeconds(text);
  if (seconds === undefined || seconds < 1 || !Number.isInteger(seconds)) {
    throw new Error(`BOCA_DURATION=${text}: expected whole seconds (30) or a k6 duration (1m30s)`);
  }
  return seconds;
}

export function scenarioParamsFromEnv(name: string, env: Env, profileLimit: ScenarioParams['declaredLimit']): ScenarioParams {
  const declaredLimit = {
    requestsPerSecond: positive(env, 'BOCA_LIMIT_RPS', false) ?? profileLimit.requestsPerSecond,
    burst: positive(env, 'BOCA_LIMIT_BURST', true) ?? profileLimit.burst,
  };
  const rate = positive(env, 'BOCA_RATE', true);
  const seconds = durationSeconds(env);
  const vus = positive(env, 'BOCA_VUS', true);
  return defaultScenarioParams(name, declaredLimit, {
    ...(rate !== undefined ? { rate } : {}),
    ...(seconds !== undefined ? { durationSeconds: seconds } : {}),
    ...(vus !== undefined ? { vus } : {}),
  });
}
