import { describe, expect, test } from 'vitest';
import { parseThresholdKey } from '../../../src/load/k6-options/threshold-key.js';
import { evaluateThresholds, parseThreshold, type MetricValues } from '../../../src/load/k6-options/thresholds.js';

describe('parseThreshold', () => {
  test.each([
    ['p(99)<500', { aggregation: 'p', percentile: 99, operator: '<', value: 500 }],
    ['p(99.9) <= 1000', { aggregation: 'p', percentile: 99.9, operator: '<=', value: 1000 }],
    ['avg<200', { aggregation: 'avg', operator: '<', value: 200 }],
    ['med>=1', { aggregation: 'med', operator: '>=', value: 1 }],
    ['rate<0.01', { aggregation: 'rate', operator: '<', value: 0.01 }],
    ['count>0', { aggregation: 'count', operator: '>', value: 0 }],
    ['max<=1000', { aggregation: 'max', operator: '<=', value: 1000 }],
    ['value==1', { aggregation: 'value', operator: '==', value: 1 }],
    ['count===0', { aggregation: 'count', operator: '===', value: 0 }],
    ['rate != 1', { aggregation: 'rate', operator: '!=', value: 1 }],
  ])('%s', (expression, parsed) => expect(parseThreshold(expression)).toEqual(parsed));
  test.each(['p99<500', 'p(abc)<1', 'avg<', '<5', 'mean<5', 'avg=5', 'p(150)<1'])('rejects %s', (expression) => expect(() => parseThreshold(expression)).toThrow());
});

describe('parseThresholdKey', () => {
  test('metric with tag filter', () => expect(parseThresholdKey('http_req_duration{status:201, scenario:steady}')).toEqual({ metric: 'http_req_duration', tags: { status: '201', scenario: 'steady' } }));
  test('group tags keep their colons', () => expect(parseThresholdKey('group_duration{group:::a}')).toEqual({ metric: 'group_duration', tags: { group: '::a' } }));
});

describe('evaluateThresholds', () => {
  const trend = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    return { type: 'trend' as const, count: values.length, avg: values.reduce((a, b) => a + b, 0) / values.length, min: sorted[0]!, max: sorted.at(-1)!, percentile: (p: number) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]! };
  };
  const metrics: MetricValues = {
    'http_req_duration{status:201}': trend([1, 2, 3, 4, 100]),
    http_req_failed: { type: 'rate', rate: 0.02, passes: 2, fails: 98 },
    http_reqs: { type: 'counter', count: 100, rate: 50 },
    ratelimit_remaining: { type: 'gauge', value: 3 },
    dropped_iterations: { type: 'empty' },
  };
  test('evaluates each expression in k6 syntax', () => {
    const results = evaluateThresholds(
      {
        'http_req_duration{status:201}': ['p(99)<500', 'avg<10', 'med<=3', 'max<100', 'min>0'],
        http_req_failed: ['rate<0.01'],
        http_reqs: ['count>0', 'rate>=50'],
        ratelimit_remaining: [{ threshold: 'value==3' }],
        dropped_iterations: ['count==0'],
      },
      metrics,
    );
    expect(results.map((r) => [r.metric, r.expression, r.passed, r.observed])).toEqual([
      ['http_req_duration{status:201}', 'p(99)<500', true, 100],
      ['http_req_duration{status:201}', 'avg<10', false, 22],
      ['http_req_duration{status:201}', 'med<=3', true, 3],
      ['http_req_duration{status:201}', 'max<100', false, 100],
      ['http_req_duration{status:201}', 'min>0', true, 1],
      ['http_req_failed', 'rate<0.01', false, 0.02],
      ['http_reqs', 'count>0', true, 100],
      ['http_reqs', 'rate>=50', true, 50],
      ['ratelimit_remaining', 'value==3', true, 3],
      ['dropped_iterations', 'count==0', true, 0],
    ]);
  });
  test('an aggregation the metric type lacks, a missing metric, or a bad expression fails', () => {
    const results = evaluateThresholds({ http_req_failed: ['p(99)<1'], nowhere: ['count>0'], http_reqs: ['nonsense'] }, metrics);
    expect(results.map((r) => r.passed)).toEqual([false, false, false]);
  });
});
