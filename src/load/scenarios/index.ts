export * from './declared-scenario.js';
export * from './default-scenario-params.js';
export * from './idempotency-storm.js';
export * from './rate-limit.js';
export * from './scenario-definitions.js';
export * from './throughput.js';
