/**
 * Checks k6 `options` the way `k6 run` / `k6 inspect` would before a test:
 * scenario names, executors and their required and allowed fields,
 * durations, stages, and threshold keys and expressions. Returns one message
 * per problem, naming the option path (empty when valid).
 */
import { commonScenarioFields, executorFields, isExecutorName, minimumScenarioDurationMs, removedExecutors } from './executor-fields.js';
import { parseDuration } from './parse-duration.js';
import { parseThresholdKey } from './threshold-key.js';
import { parseThreshold } from './thresholds.js';

export { nodeEngineSupport } from './node-engine-support.js';

type Bag = { readonly [key: string]: unknown };
const isObject = (value: unknown): value is Bag => typeof value === 'object' && value !== null && !Array.isArray(value);
const isWhole = (value: unknown, min: number): value is number => typeof value === 'number' && Number.isInteger(value) && value >= min;

function durationProblem(path: string, value: unknown, { positive = false } = {}): string | undefined {
  const ms = parseDuration(value);
  if (ms === undefined) return `${path}: ${JSON.stringify(value)} is not a duration; write e.g. "30s", "1m30s", "500ms" or "2h"`;
  if (positive && ms <= 0) return `${path}: must be longer than 0s`;
  return undefined;
}

function stagesProblems(path: string, stages: unknown): string[] {
  if (!Array.isArray(stages) || stages.length === 0) return [`${path}: must be a non-empty array of { duration, target }`];
  return stages.flatMap((stage, i) => {
    if (!isObject(stage)) return [`${path}[${i}]: must be an object { duration, target }`];
    const problems: string[] = [];
    const d = durationProblem(`${path}[${i}].duration`, stage.duration);
    if (d) problems.push(d);
    if (!isWhole(stage.target, 0)) problems.push(`${path}[${i}].target: must be a whole number ≥ 0`);
    for (const key of Object.keys(stage)) if (key !== 'duration' && key !== 'target') problems.push(`${path}[${i}].${key}: unknown stage field (stages take duration and target)`);
    return problems;
  });
}

function scenarioProblems(name: string, scenario: unknown): string[] {
  const path = `scenarios.${name}`;
  if (!/^[0-9a-zA-Z_-]+$/.test(name)) return [`${path}: scenario names may only hold letters, digits, - and _`];
  if (!isObject(scenario)) return [`${path}: must be an object with an executor`];
  const { executor } = scenario;
  if (executor === undefined) return [`${path}.executor: required; one of ${Object.keys(executorFields).join(', ')}`];
  if (typeof executor === 'string' && removedExecutors[executor]) return [`${path}.executor: "${executor}" was removed in ${removedExecutors[executor]}`];
  if (!isExecutorName(executor)) return [`${path}.executor: "${String(executor)}" is not a k6 executor; one of ${Object.keys(executorFields).join(', ')}`];
  const fields = executorFields[executor];
  const problems: string[] = [];
  for (const field of fields.required) if (scenario[field] === undefined) problems.push(`${path}.${field}: required by ${executor}`);
  const allowed = new Set<string>([...commonScenarioFields, ...fields.required, ...fields.optional]);
  for (const key of Object.keys(scenario)) if (!allowed.has(key)) problems.push(`${path}.${key}: not an option of ${executor} (it takes ${[...fields.required, ...fields.optional].join(', ')})`);
  for (const key of ['startTime', 'gracefulStop', 'gracefulRampDown'] as const) {
    if (scenario[key] !== undefined) {
      const p = durationProblem(`${path}.${key}`, scenario[key]);
      if (p) problems.push(p);
    }
  }
  for (const key of ['timeUnit', 'maxDuration'] as const) {
    if (scenario[key] !== undefined) {
      const p = durationProblem(`${path}.${key}`, scenario[key], { positive: true });
      if (p) problems.push(p);
    }
  }
  if (scenario.duration !== undefined) {
    const p = durationProblem(`${path}.duration`, scenario.duration, { positive: true });
    if (p) problems.push(p);
    else if (parseDuration(scenario.duration)! < minimumScenarioDurationMs) problems.push(`${path}.duration: k6 requires at least 1s`);
  }
  if (scenario.exec !== undefined && (typeof scenario.exec !== 'string' || !/^[A-Za-z_$][\w$]*$/.test(scenario.exec))) problems.push(`${path}.exec: must name an exported function, e.g. "default" or "steady"`);
  for (const key of ['env', 'tags'] as const) {
    const bag = scenario[key];
    if (bag !== undefined && (!isObject(bag) || Object.values(bag).some((v) => typeof v !== 'string'))) problems.push(`${path}.${key}: must be an object of strings`);
  }
  for (const key of ['vus', 'iterations'] as const) if (scenario[key] !== undefined && !isWhole(scenario[key], 1)) problems.push(`${path}.${key}: must be a whole number ≥ 1`);
  if (executor === 'shared-iterations' && isWhole(scenario.iterations, 1) && (scenario.iterations as number) < ((scenario.vus as number) ?? 1)) {
    problems.push(`${path}.iterations: ${String(scenario.iterations)} is fewer than vus ${String(scenario.vus)}`);
  }
  if (scenario.startVUs !== undefined && !isWhole(scenario.startVUs, 0)) problems.push(`${path}.startVUs: must be a whole number ≥ 0`);
  if (scenario.rate !== undefined && !(isWhole(scenario.rate, 1))) problems.push(`${path}.rate: must be a whole number ≥ 1 (iterations per timeUnit; use timeUnit for fractions, e.g. rate 1, timeUnit "2s")`);
  if (scenario.startRate !== undefined && !isWhole(scenario.startRate, 0)) problems.push(`${path}.startRate: must be a whole number ≥ 0`);
  if (scenario.preAllocatedVUs !== undefined && !isWhole(scenario.preAllocatedVUs, 0)) problems.push(`${path}.preAllocatedVUs: must be a whole number ≥ 0`);
  if (scenario.maxVUs !== undefined) {
    if (!isWhole(scenario.maxVUs, 0)) problems.push(`${path}.maxVUs: must be a whole number ≥ 0`);
    else if (isWhole(scenario.preAllocatedVUs, 0) && scenario.maxVUs < scenario.preAllocatedVUs) problems.push(`${path}.maxVUs: ${scenario.maxVUs} is below preAllocatedVUs ${scenario.preAllocatedVUs}`);
  }
  if (executor.endsWith('arrival-rate') && scenario.preAllocatedVUs === 0 && !scenario.maxVUs) problems.push(`${path}: preAllocatedVUs or maxVUs must be positive`);
  if (scenario.stages !== undefined) problems.push(...stagesProblems(`${path}.stages`, scenario.stages));
  return problems;
}

function thresholdProblems(thresholds: unknown): string[] {
  if (!isObject(thresholds)) return ['thresholds: must be an object of metric → [expressions]'];
  return Object.entries(thresholds).flatMap(([key, entries]) => {
    const path = `thresholds["${key}"]`;
    const problems: string[] = [];
    const parsedKey = parseThresholdKey(key);
    if ('problem' in parsedKey) problems.push(`${path}: ${parsedKey.problem}`);
    if (!Array.isArray(entries)) return [...problems, `${path}: must be an array of expressions, e.g. ["p(99)<500"]`];
    entries.forEach((entry, i) => {
      let expression: unknown = entry;
      if (isObject(entry)) {
        expression = entry.threshold;
        if (typeof expression !== 'string') problems.push(`${path}[${i}].threshold: required, an expression such as "p(99)<500"`);
        if (entry.abortOnFail !== undefined && typeof entry.abortOnFail !== 'boolean') problems.push(`${path}[${i}].abortOnFail: must be true or false`);
        if (entry.delayAbortEval !== undefined) {
          const p = durationProblem(`${path}[${i}].delayAbortEval`, entry.delayAbortEval);
          if (p) problems.push(p);
        }
        for (const k of Object.keys(entry)) if (!['threshold', 'abortOnFail', 'delayAbortEval'].includes(k)) problems.push(`${path}[${i}].${k}: unknown (threshold objects take threshold, abortOnFail, delayAbortEval)`);
      } else if (typeof entry !== 'string') {
        problems.push(`${path}[${i}]: must be an expression string or { threshold, abortOnFail, delayAbortEval }`);
      }
      if (typeof expression === 'string') {
        try {
          parseThreshold(expression);
        } catch (error) {
          problems.push(`${path}[${i}]: ${(error as Error).message}`);
        }
      }
    });
    return problems;
  });
}

/** Problems k6 would report for `options`; empty when they are valid. */
export function validateK6Options(options: unknown): string[] {
  if (!isObject(options)) return ['options: must be an object'];
  const problems: string[] = [];
  if (options.scenarios !== undefined) {
    if (!isObject(options.scenarios)) problems.push('scenarios: must be an object of name → scenario');
    else for (const [name, scenario] of Object.entries(options.scenarios)) problems.push(...scenarioProblems(name, scenario));
  }
  if (options.thresholds !== undefined) problems.push(...thresholdProblems(options.thresholds));
  for (const key of ['duration', 'setupTimeout', 'teardownTimeout'] as const) {
    if (options[key] !== undefined) {
      const p = durationProblem(key, options[key]);
      if (p) problems.push(p);
    }
  }
  if (options.stages !== undefined) problems.push(...stagesProblems('stages', options.stages));
  const shortcuts = (['duration', 'iterations', 'stages'] as const).filter((k) => options[k] !== undefined);
  if (shortcuts.length > 1) problems.push(`${shortcuts.join(' and ')}: k6 does not allow several execution shortcuts at once; use scenarios`);
  return problems;
}
