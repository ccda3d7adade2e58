/** k6's executors and the fields each accepts (k6 v2.2 docs, `using-k6/scenarios/executors/*`). */

export type ExecutorName =
  | 'shared-iterations'
  | 'per-vu-iterations'
  | 'constant-vus'
  | 'ramping-vus'
  | 'constant-arrival-rate'
  | 'ramping-arrival-rate';

/** Options every executor accepts. */
export const commonScenarioFields = ['executor', 'startTime', 'gracefulStop', 'exec', 'env', 'tags', 'options'] as const;

export interface ExecutorFields {
  readonly required: readonly string[];
  readonly optional: readonly string[];
}

export const executorFields: Readonly<Record<ExecutorName, ExecutorFields>> = {
  'shared-iterations': { required: [], optional: ['vus', 'iterations', 'maxDuration'] },
  'per-vu-iterations': { required: [], optional: ['vus', 'iterations', 'maxDuration'] },
  'constant-vus': { required: ['duration'], optional: ['vus'] },
  'ramping-vus': { required: ['stages'], optional: ['startVUs', 'gracefulRampDown'] },
  'constant-arrival-rate': { required: ['duration', 'rate', 'preAllocatedVUs'], optional: ['timeUnit', 'maxVUs'] },
  'ramping-arrival-rate': { required: ['stages', 'preAllocatedVUs'], optional: ['startRate', 'timeUnit', 'maxVUs'] },
};

export const isExecutorName = (name: unknown): name is ExecutorName => typeof name === 'string' && Object.hasOwn(executorFields, name);

/** Executors k6 once had and removed: name → the k6 release that removed it. */
export const removedExecutors: Readonly<Record<string, string>> = { 'externally-controlled': 'k6 v2.0.0 (with k6 pause/resume/scale)' };

/** k6's minimum `duration` for constant-vus and constant-arrival-rate, ms. */
export const minimumScenarioDurationMs = 1_000;
