/** The load scenarios, in one explicit list: `--scenario NAME` and the files in scenarios/. */
import type { DeclaredScenario } from './declared-scenario.js';
import { idempotencyStorm } from './idempotency-storm.js';
import { rateLimit } from './rate-limit.js';
import { throughput } from './throughput.js';

export const scenarioDefinitions: readonly DeclaredScenario[] = [throughput, rateLimit, idempotencyStorm];

/** The scenario called `name`, or undefined. */
export const findScenarioDefinition = (name: string): DeclaredScenario | undefined =>
  scenarioDefinitions.find((definition) => definition.name === name);
