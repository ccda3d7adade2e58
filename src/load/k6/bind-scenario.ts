/**
 * Binds a runtime-neutral scenario definition to k6: the exported `options`,
 * one exec function per `options.scenarios[*].exec`, `setup`, `teardown`
 * (the verification) and `handleSummary` (LoadSummary JSON + a short text).
 * Call it once at the top level of a scenario file: metrics, the response
 * callback and the SharedArray user pool must be made in k6's init context.
 *
 * Environment: BOCA_TARGET (base URL), BOCA_API_KEY, BOCA_API_SECRET (never
 * printed), BOCA_RUN_ID (default: made in setup), BOCA_RATE, BOCA_DURATION,
 * BOCA_VUS, BOCA_LIMIT_RPS, BOCA_LIMIT_BURST, BOCA_PROFILE (a resolved profile
 * JSON file), BOCA_USERS (default ./users.json next to the bundle),
 * BOCA_REPORTS_DIR (default `reports`), BOCA_SUMMARY_FILE (overrides the path).
 */
import { SharedArray } from 'k6/data';
import exec from 'k6/execution';
import http from 'k6/http';
import { Counter, Rate, Trend } from 'k6/metrics';
import type { Options } from 'k6/options';
import { sleep } from 'k6';
import { k6Crypto } from '../../signing/k6-crypto.js';
import type { IterationInfo, ScenarioEnv, UserTemplate } from '../scenario-definition.js';
import type { DeclaredScenario } from '../scenarios/declared-scenario.js';
import type { K6SummaryData } from './k6-summary-data.js';
import { k6Profile, k6RunId } from './k6-profile.js';
import { loadSummaryFromK6 } from './load-summary-from-k6.js';
import { loadSummaryText } from './load-summary-text.js';
import { runVerification } from './run-verification.js';
import { scenarioParamsFromEnv } from './scenario-params-from-env.js';
import { sendPlannedRequest } from './send-planned-request.js';
import { statusCounterFor, statusCounterNames } from './status-counters.js';

/** What setup() hands every VU (JSON-copied by k6): never the secret. */
export interface SetupData {
  readonly runId: string;
  readonly target: string;
  readonly startedAtMs: number;
}

export interface BoundScenario {
  readonly options: Options;
  /** Exec functions by name: export each under its name from the scenario file. */
  readonly exec: Readonly<Record<string, (data: SetupData) => void>>;
  setup(): SetupData;
  teardown(data: SetupData): void;
  handleSummary(data: K6SummaryData): Record<string, string>;
}

/** Trend stats handleSummary needs for a LatencySummary. */
export const summaryTrendStats = ['avg', 'min', 'med', 'max', 'p(90)', 'p(95)', 'p(99)', 'p(99.9)', 'count'];

type K6Metric = Counter | Rate | Trend;

/** Target URL without trailing slash or credentials. */
export function normaliseTarget(text: string | undefined): string {
  if (!text) throw new Error('BOCA_TARGET is not set: the base URL of the API under test, e.g. -e BOCA_TARGET=https://staging.example.com');
  const match = /^(https?):\/\/(?:[^@/]*@)?([^/]+)(\/.*)?$/.exec(text.trim());
  if (!match) throw new Error(`BOCA_TARGET=${text}: expected an http(s) URL`);
  return `${match[1]}://${match[2]}${(match[3] ?? '').replace(/\/+$/, '')}`;
}

export function bindScenario(definition: DeclaredScenario): BoundScenario {
  const env = __ENV;
  const profileJson = env.BOCA_PROFILE ? open(env.BOCA_PROFILE) : undefined;
  const params = scenarioParamsFromEnv(definition.name, env, k6Profile(profileJson).rateLimit);
  const profile = k6Profile(profileJson, params.declaredLimit);
  const scenarioOptions = definition.options(params);
  const options: Options = {
    ...scenarioOptions,
    summaryTrendStats,
    thresholds: { ...scenarioOptions.thresholds, ...(definition.verification ? { checks: ['rate==1'] } : {}) },
  };

  http.setResponseCallback(http.expectedStatuses({ min: 200, max: 399 }, ...definition.expectedStatuses));
  const metrics = new Map<string, K6Metric>();
  for (const [name, kind] of Object.entries(definition.metrics)) {
    metrics.set(name, kind === 'counter' ? new Counter(name) : kind === 'rate' ? new Rate(name) : new Trend(name));
  }
  for (const name of statusCounterNames) metrics.set(name, new Counter(name));
  const pool = new SharedArray<UserTemplate>('users', () => {
    const parsed = JSON.parse(open(env.BOCA_USERS || './users.json')) as { users?: UserTemplate[] };
    if (!Array.isArray(parsed.users) || parsed.users.length === 0) throw new Error('users.json holds no users: run npm run build:scenarios');
    return parsed.users;
  });

  let cachedEnv: ScenarioEnv | undefined;
  const scenarioEnv = (data: SetupData): ScenarioEnv => {
    if (cachedEnv?.runId === data.runId) return cachedEnv;
    const apiKey = env.BOCA_API_KEY;
    const secret = env.BOCA_API_SECRET;
    if (!apiKey || !secret) throw new Error('BOCA_API_KEY and BOCA_API_SECRET must be set (the partner the load signs as)');
    cachedEnv = { runId: data.runId, profile, partner: { apiKey, secret }, crypto: k6Crypto, nowMs: () => Date.now(), pool };
    return cachedEnv;
  };

  const iterate = (execName: string) => (data: SetupData) => {
    const scenarioEnvironment = scenarioEnv(data);
    const iteration: IterationInfo = {
      scenario: exec.scenario.name,
      iterationInTest: exec.scenario.iterationInTest,
      vu: exec.vu.idInTest,
      vuIteration: exec.vu.iterationInScenario,
    };
    const response = sendPlannedRequest(data.target, definition.request(execName, iteration, scenarioEnvironment));
    metrics.get(statusCounterFor(response.status))!.add(1);
    const after = definition.afterResponse?.(execName, iteration, response, scenarioEnvironment);
    for (const sample of after?.samples ?? []) {
      const metric = metrics.get(sample.metric);
      if (!metric) throw new Error(`scenario ${definition.name}: metric ${sample.metric} is not declared in its metrics`);
      metric.add(sample.value, sample.tags);
    }
    if (after?.sleepSeconds) sleep(after.sleepSeconds);
  };
  const execNames = new Set(Object.values(options.scenarios ?? {}).map((s) => s.exec ?? 'default'));
  const execFunctions = Object.fromEntries([...execNames].map((name) => [name, iterate(name)]));

  return {
    options,
    exec: execFunctions,
    setup() {
      const target = normaliseTarget(env.BOCA_TARGET);
      if (!env.BOCA_API_KEY || !env.BOCA_API_SECRET) throw new Error('BOCA_API_KEY and BOCA_API_SECRET must be set (the partner the load signs as)');
      return { runId: env.BOCA_RUN_ID || k6RunId(Date.now(), Math.random), target, startedAtMs: Date.now() };
    },
    teardown(data) {
      if (definition.verification) runVerification(definition.verification, scenarioEnv(data), data.target);
    },
    handleSummary(data) {
      const setupData = (data.setup_data ?? {}) as Partial<SetupData>;
      const runId = setupData.runId ?? env.BOCA_RUN_ID ?? k6RunId(Date.now(), Math.random);
      const summary = loadSummaryFromK6(data, {
        scenario: definition.name,
        runId,
        target: setupData.target ?? env.BOCA_TARGET ?? '',
        options,
        declaredLimit: params.declaredLimit,
        ...(setupData.startedAtMs !== undefined ? { startedAtMs: setupData.startedAtMs } : {}),
        nowMs: Date.now(),
      });
      // k6 does not create directories: with BOCA_RUN_ID the caller made reports/<run-id>/.
      const reports = env.BOCA_REPORTS_DIR || 'reports';
      const path = env.BOCA_SUMMARY_FILE || (env.BOCA_RUN_ID ? `${reports}/${runId}/load.json` : `${reports}/load-${definition.name}-${runId}.json`);
      return { stdout: `${loadSummaryText(summary)}  summary: ${path}\n`, [path]: `${JSON.stringify(summary, null, 2)}\n` };
    },
  };
}
