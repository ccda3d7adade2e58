/** k6: above the declared limit, a closed model honouring Retry-After, below the limit. Logic: src/load/scenarios/rate-limit.ts. */
import { bindScenario } from '../src/load/k6/bind-scenario.js';
import { rateLimit as definition } from '../src/load/scenarios/rate-limit.js';

const bound = bindScenario(definition);

export const options = bound.options;
export const offeredLoad = bound.exec.offeredLoad!;
export const politeClient = bound.exec.politeClient!;
export const setup = bound.setup;
export const handleSummary = bound.handleSummary;
