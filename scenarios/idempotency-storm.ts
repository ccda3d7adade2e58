/** k6: concurrent replays of a few Idempotency-Keys, verified through the API. Logic: src/load/scenarios/idempotency-storm.ts. */
import { bindScenario } from '../src/load/k6/bind-scenario.js';
import { idempotencyStorm as definition } from '../src/load/scenarios/idempotency-storm.js';

const bound = bindScenario(definition);

export const options = bound.options;
export const storm = bound.exec.storm!;
export const setup = bound.setup;
export const teardown = bound.teardown;
export const handleSummary = bound.handleSummary;
