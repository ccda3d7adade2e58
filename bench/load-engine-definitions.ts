/** Scenario definitions of bench/load-engine: unique signed creates, closed or open model. */
import type { Options } from 'k6/options';
import { createBody } from '../src/load/scenarios/create-body.js';
import { signedCreate } from '../src/load/scenarios/signed-create.js';
import type { ScenarioDefinition, ScenarioParams } from '../src/load/scenario-definition.js';

const request: ScenarioDefinition['request'] = (_exec, iteration, env) =>
  signedCreate(env, createBody(env, iteration.iterationInTest, `bench-${env.runId}-${iteration.iterationInTest}`.slice(0, 64)));

/** constant-vus: as fast as the connections go (autocannon's model). */
export const closedCreates: ScenarioDefinition = {
  name: 'bench-closed',
  description: 'closed model, unique signed creates',
  options: (p: ScenarioParams): Options => ({ scenarios: { closed: { executor: 'constant-vus', vus: p.vus, duration: `${p.durationSeconds}s`, gracefulStop: '2s' } } }),
  request,
};

/** constant-arrival-rate: the open model at a fixed rate. */
export const openCreates: ScenarioDefinition = {
  name: 'bench-open',
  description: 'open model, unique signed creates',
  options: (p: ScenarioParams): Options => ({
    scenarios: { open: { executor: 'constant-arrival-rate', rate: p.rate, timeUnit: '1s', duration: `${p.durationSeconds}s`, preAllocatedVUs: p.vus, gracefulStop: '2s' } },
  }),
  request,
};
