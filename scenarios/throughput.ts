/** k6: unique signed creates at a constant arrival rate. Logic: src/load/scenarios/throughput.ts. */
import { bindScenario } from '../src/load/k6/bind-scenario.js';
import { throughput as definition } from '../src/load/scenarios/throughput.js';

const bound = bindScenario(definition);

export const options = bound.options;
export const throughput = bound.exec.throughput!;
export const setup = bound.setup;
export const handleSummary = bound.handleSummary;
