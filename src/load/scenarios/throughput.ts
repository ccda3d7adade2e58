/**
 * `throughput`: an open-model constant arrival rate of unique, correctly
 * signed creates (contract §1, §3). 429 is an expected outcome (contract §6),
 * counted by `throttled`; latency thresholds look at 201s only, so fast
 * rejects cannot flatter them.
 */
import type { Options } from 'k6/options';
import type { ScenarioParams } from '../scenario-definition.js';
import type { DeclaredScenario } from './declared-scenario.js';
import { createBody } from './create-body.js';
import { externalIdFor } from './external-id-for.js';
import { signedCreate } from './signed-create.js';
import { statusMetrics, statusSamples } from './status-samples.js';

/** Latency thresholds on 201 answers, ms. */
export const throughputLatencyThresholds = ['p(95)<500', 'p(99)<1000'];

export const throughput: DeclaredScenario = {
  name: 'throughput',
  description: 'constant arrival rate of unique signed creates; latency of 201s, real errors, 429s counted apart',
  metrics: statusMetrics,
  expectedStatuses: [429],
  options(params: ScenarioParams): Options {
    return {
      scenarios: {
        throughput: {
          executor: 'constant-arrival-rate',
          exec: 'throughput',
          rate: params.rate,
          timeUnit: '1s',
          duration: `${params.durationSeconds}s`,
          preAllocatedVUs: params.vus,
          tags: { phase: 'throughput' },
        },
      },
      thresholds: {
        'http_req_duration{status:201}': throughputLatencyThresholds,
        http_req_failed: ['rate<0.01'],
        unexpected_status: ['count==0'],
        accepted: ['count>0'],
      },
    };
  },
  request(_exec, iteration, env) {
    const externalId = externalIdFor(env.runId, iteration.scenario, iteration.iterationInTest);
    return signedCreate(env, createBody(env, iteration.iterationInTest, externalId), { tags: { phase: 'throughput' } });
  },
  afterResponse(_exec, _iteration, response) {
    return { samples: statusSamples(response.status) };
  },
};
