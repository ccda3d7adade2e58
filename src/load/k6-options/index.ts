export * from './executor-fields.js';
export * from './node-engine-support.js';
export * from './parse-duration.js';
export * from './threshold-key.js';
export * from './thresholds.js';
export { validateK6Options } from './validate-k6-options.js';
