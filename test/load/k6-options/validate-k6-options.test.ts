import { describe, expect, test } from 'vitest';
import { nodeEngineSupport } from '../../../src/load/k6-options/node-engine-support.js';
import { formatDuration, parseDuration } from '../../../src/load/k6-options/parse-duration.js';
import { validateK6Options } from '../../../src/load/k6-options/validate-k6-options.js';

/** Examples from the k6 docs (using-k6/scenarios/executors/*.md, thresholds.md). */
const documented: Record<string, unknown> = {
  'shared-iterations': { scenarios: { contacts: { executor: 'shared-iterations', vus: 10, iterations: 200, maxDuration: '30s' } } },
  'per-vu-iterations': { scenarios: { contacts: { executor: 'per-vu-iterations', vus: 10, iterations: 20, maxDuration: '30s' } } },
  'constant-vus': { scenarios: { contacts: { executor: 'constant-vus', vus: 10, duration: '30s' } } },
  'ramping-vus': { scenarios: { contacts: { executor: 'ramping-vus', startVUs: 0, stages: [{ duration: '20s', target: 10 }, { duration: '10s', target: 0 }], gracefulRampDown: '0s' } } },
  'constant-arrival-rate': { scenarios: { contacts: { executor: 'constant-arrival-rate', duration: '30s', rate: 30, timeUnit: '1s', preAllocatedVUs: 2, maxVUs: 50 } } },
  'ramping-arrival-rate': {
    scenarios: {
      contacts: { executor: 'ramping-arrival-rate', startRate: 300, timeUnit: '1m', preAllocatedVUs: 50, stages: [{ target: 300, duration: '1m' }, { target: 600, duration: '2m' }, { target: 600, duration: '4m' }, { target: 60, duration: '2m' }] },
    },
  },
  'several scenarios and thresholds': {
    scenarios: {
      shared: { executor: 'shared-iterations', vus: 1, iterations: 1, maxDuration: '2m', exec: 'conformance', tags: { suite: 'conformance' } },
      offered: { executor: 'ramping-arrival-rate', startTime: '2m', startRate: 10, timeUnit: '1s', preAllocatedVUs: 200, stages: [{ target: 50, duration: '1m' }], exec: 'offeredLoad', gracefulStop: '1m30s' },
    },
    thresholds: {
      'checks{suite:conformance}': ['rate==1'],
      'dropped_iterations{scenario:offered}': ['count<10'],
      'http_req_duration{scenario:offered,status:200}': ['p(95)<300', 'p(99.99) < 1500'],
      http_req_failed: [{ threshold: 'rate<0.01', abortOnFail: true, delayAbortEval: '10s' }],
      my_gauge: ['value>=0'],
      http_reqs: ['count>=0'],
      'group_duration{group:::individualRequests}': ['avg < 400'],
    },
  },
};

describe('validateK6Options', () => {
  test.each(Object.entries(documented))('accepts the documented example: %s', (_name, options) => {
    expect(validateK6Options(options)).toEqual([]);
  });

  test.each([
    [{ scenarios: { a: { executor: 'constant-arrival-rat', duration: '1s', rate: 1, preAllocatedVUs: 1 } } }, 'scenarios.a.executor: "constant-arrival-rat" is not a k6 executor'],
    [{ scenarios: { a: { executor: 'externally-controlled', vus: 1 } } }, 'was removed in k6 v2.0.0'],
    [{ scenarios: { a: { executor: 'constant-arrival-rate', duration: '10s', rate: 5 } } }, 'scenarios.a.preAllocatedVUs: required by constant-arrival-rate'],
    [{ scenarios: { a: { executor: 'constant-vus', vus: 2 } } }, 'scenarios.a.duration: required by constant-vus'],
    [{ scenarios: { a: { executor: 'constant-vus', vus: 2, duration: '10 seconds' } } }, 'is not a duration'],
    [{ scenarios: { a: { executor: 'constant-vus', vus: 2, duration: '500ms' } } }, 'k6 requires at least 1s'],
    [{ scenarios: { a: { executor: 'constant-vus', vus: 2, duration: '5s', rate: 3 } } }, 'scenarios.a.rate: not an option of constant-vus'],
    [{ scenarios: { a: { executor: 'ramping-arrival-rate', preAllocatedVUs: 1, stages: [] } } }, 'stages: must be a non-empty array'],
    [{ scenarios: { a: { executor: 'ramping-arrival-rate', preAllocatedVUs: 1, stages: [{ duration: '1s', target: -1 }] } } }, 'stages[0].target: must be a whole number'],
    [{ scenarios: { a: { executor: 'constant-arrival-rate', duration: '1s', rate: 1, preAllocatedVUs: 5, maxVUs: 2 } } }, 'maxVUs: 2 is below preAllocatedVUs 5'],
    [{ scenarios: { a: { executor: 'constant-arrival-rate', duration: '1s', rate: 0.5, preAllocatedVUs: 1 } } }, 'rate: must be a whole number'],
    [{ scenarios: { 'bad name!': { executor: 'constant-vus', duration: '1s' } } }, 'scenario names may only hold'],
    [{ scenarios: { a: { executor: 'constant-vus', duration: '1s', startTime: 'soon' } } }, 'scenarios.a.startTime'],
    [{ thresholds: { http_req_duration: ['p99<500'] } }, 'is not a k6 threshold'],
    [{ thresholds: { http_req_duration: ['p(101)<500'] } }, 'between 0 and 100'],
    [{ thresholds: { http_req_duration: 'p(99)<500' } }, 'must be an array of expressions'],
    [{ thresholds: { 'http_req_duration{status}': ['p(99)<500'] } }, 'is not tag:value'],
    [{ thresholds: { '1metric': ['count>0'] } }, 'not a valid metric name'],
    [{ thresholds: { http_req_failed: [{ abortOnFail: true }] } }, 'threshold: required'],
    [{ duration: '10s', iterations: 5 }, 'several execution shortcuts'],
  ])('rejects %j', (options, message) => {
    const problems = validateK6Options(options);
    expect(problems.join('\n')).toContain(message);
  });
});

describe('parseDuration', () => {
  test.each([
    ['30s', 30_000],
    ['1m30s', 90_000],
    ['500ms', 500],
    ['2h', 7_200_000],
    ['1.5s', 1500],
    ['0', 0],
    [250, 250],
  ])('%s → %d ms', (text, ms) => expect(parseDuration(text)).toBe(ms));
  test.each(['', '-1s', '1x', 's', '1 m', '1m30'])('%j is not a duration', (text) => expect(parseDuration(text)).toBeUndefined());
  test('formats back', () => {
    expect(formatDuration(90_000)).toBe('1m30s');
    expect(formatDuration(500)).toBe('500ms');
    expect(formatDuration(7_200_000)).toBe('2h');
  });
});

describe('nodeEngineSupport', () => {
  const supported = {
    scenarios: {
      open: { executor: 'constant-arrival-rate', rate: 10, duration: '5s', preAllocatedVUs: 5, exec: 'create', tags: { phase: 'a' } },
      ramp: { executor: 'ramping-arrival-rate', preAllocatedVUs: 5, maxVUs: 10, stages: [{ target: 10, duration: '5s' }], startTime: '5s', gracefulStop: '1s' },
      closed: { executor: 'constant-vus', vus: 2, duration: '5s' },
    },
    thresholds: { 'http_req_duration{status:201}': ['p(99)<500'], custom_metric: ['count>0'] },
    summaryTrendStats: ['avg', 'p(99)'],
  };
  test('accepts the executors it runs', () => expect(nodeEngineSupport(supported)).toEqual([]));
  test.each([
    [{ ...supported, scenarios: { s: { executor: 'ramping-vus', stages: [{ duration: '1s', target: 1 }] } } }, 'ramping-vus is not run by the Node engine'],
    [{ ...supported, scenarios: { s: { executor: 'shared-iterations' } } }, 'shared-iterations is not run by the Node engine'],
    [{ ...supported, batch: 20 }, 'batch: not implemented by the Node engine'],
    [{ ...supported, hosts: { 'a.example': '1.2.3.4' } }, 'hosts: not implemented'],
    [{ ...supported, tlsAuth: [] }, 'tlsAuth: not implemented'],
    [{ ...supported, vus: 10 }, 'vus: a top-level vus alongside scenarios'],
    [{ ...supported, iterations: 10 }, 'iterations: a top-level iterations alongside scenarios'],
    [{ ...supported, thresholds: { http_req_failed: [{ threshold: 'rate<0.01', abortOnFail: true }] } }, 'abortOnFail is not implemented'],
    [{ ...supported, thresholds: { http_req_waiting: ['p(99)<10'] } }, 'does not measure http_req_waiting'],
    [{ vus: 10, duration: '10s' }, 'runs options.scenarios only'],
    [{ scenarios: { s: { executor: 'constant-vus', duration: '1s', env: { A: 'b' } } } }, 'scenarios.s.env: not implemented'],
  ])('refuses %j', (options, message) => expect(nodeEngineSupport(options).join('\n')).toContain(message));
});
