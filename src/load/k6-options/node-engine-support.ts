/**
 * What the Node engine cannot run of a k6 `options` object. The Node engine
 * runs `options.scenarios` with the constant-arrival-rate,
 * ramping-arrival-rate and constant-vus executors and evaluates thresholds at
 * the end; anything else is listed here so the load command refuses it with
 * a clear message (never silently ignored) and points at `--engine k6`.
 */
import { parseThresholdKey } from './threshold-key.js';
import { thresholdExpression } from './thresholds.js';

type Bag = { readonly [key: string]: unknown };
const isObject = (value: unknown): value is Bag => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Executors the Node engine runs with k6's semantics. */
export const nodeEngineExecutors = ['constant-arrival-rate', 'ramping-arrival-rate', 'constant-vus'] as const;

/**
 * Top-level options that do not change what is sent or measured (display,
 * lifecycle timeouts the Node engine has no use for), so running without
 * them is faithful.
 */
const harmlessTopLevel = new Set(['scenarios', 'thresholds', 'summaryTrendStats', 'summaryTimeUnit', 'discardResponseBodies', 'setupTimeout', 'teardownTimeout', 'handleSummaryTimeout', 'noUsageReport']);

/** Scenario fields the Node engine honours (per executor fields are checked by validateK6Options). */
const supportedScenarioFields = new Set(['executor', 'startTime', 'gracefulStop', 'exec', 'tags', 'duration', 'rate', 'timeUnit', 'preAllocatedVUs', 'maxVUs', 'stages', 'startRate', 'vus']);

/** The k6 built-in metrics the Node engine emits (custom metrics come from the scenario's samples). */
export const nodeEngineMetrics = ['http_reqs', 'http_req_duration', 'http_req_failed', 'iterations', 'iteration_duration', 'dropped_iterations'] as const;

/** k6 built-in metrics the Node engine does not measure: a threshold on one would pass on no data. */
const unmeasuredBuiltIns = new Set(['vus', 'vus_max', 'checks', 'data_received', 'data_sent', 'group_duration', 'http_req_blocked', 'http_req_connecting', 'http_req_tls_handshaking', 'http_req_sending', 'http_req_waiting', 'http_req_receiving', 'ws_connecting', 'ws_msgs_sent', 'ws_msgs_received', 'ws_sessions', 'ws_session_duration', 'ws_ping', 'grpc_req_duration']);

/** One message per option of `options` the Node engine would not honour; empty when it can run them all. */
export function nodeEngineSupport(options: unknown): string[] {
  if (!isObject(options)) return ['options: must be an object'];
  const problems: string[] = [];
  if (!isObject(options.scenarios) || Object.keys(options.scenarios).length === 0) {
    problems.push('the Node engine runs options.scenarios only; the top-level shortcuts (vus, duration, iterations, stages) are k6\'s default scenario');
  }
  for (const key of Object.keys(options)) {
    if (harmlessTopLevel.has(key)) continue;
    if ((key === 'vus' || key === 'iterations' || key === 'duration' || key === 'stages') && isObject(options.scenarios)) {
      problems.push(`${key}: a top-level ${key} alongside scenarios is not run by the Node engine; put it in a scenario`);
    } else {
      problems.push(`${key}: not implemented by the Node engine`);
    }
  }
  for (const [name, scenario] of Object.entries(isObject(options.scenarios) ? options.scenarios : {})) {
    if (!isObject(scenario)) continue;
    const executor = String(scenario.executor);
    if (!(nodeEngineExecutors as readonly string[]).includes(executor)) {
      problems.push(`scenarios.${name}.executor: ${executor} is not run by the Node engine (it runs ${nodeEngineExecutors.join(', ')})`);
    }
    for (const key of Object.keys(scenario)) {
      if (supportedScenarioFields.has(key)) continue;
      if (key === 'env' && isObject(scenario.env) && Object.keys(scenario.env).length === 0) continue;
      problems.push(`scenarios.${name}.${key}: not implemented by the Node engine`);
    }
  }
  for (const [metric, entries] of Object.entries(isObject(options.thresholds) ? options.thresholds : {})) {
    const key = parseThresholdKey(metric);
    if (!('problem' in key) && unmeasuredBuiltIns.has(key.metric)) {
      problems.push(`thresholds["${metric}"]: the Node engine does not measure ${key.metric} (it measures ${nodeEngineMetrics.join(', ')} and the scenario's own metrics)`);
    }
    for (const entry of Array.isArray(entries) ? entries : []) {
      if (isObject(entry) && entry.abortOnFail === true) {
        problems.push(`thresholds["${metric}"] "${thresholdExpression(entry) ?? ''}": abortOnFail is not implemented by the Node engine (it evaluates thresholds at the end)`);
      }
    }
  }
  return problems;
}
