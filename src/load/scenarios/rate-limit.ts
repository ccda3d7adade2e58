/**
 * `rate-limit` (contract §6): an open-model phase above the declared limit,
 * a closed-model phase that honours `Retry-After` and shows recovery, then an
 * open-model phase below the limit. Requests carry a `phase` tag
 * (`above-limit`, `retry-after`, `below-limit`); requests sent after waiting
 * out a Retry-After also carry `waited: 'true'`.
 *
 * The closed-model phase follows the above-limit phase on purpose: the bucket
 * is empty then, so the polite clients meet 429s, wait them out and recover.
 * Each of its VUs sends back to back until its first 429, then waits
 * Retry-After (+100 ms), then paces itself at one request per second; the
 * phase runs at most half the limit's VUs, so once recovered it stays below
 * the limit and any 429 after waiting is the target's fault.
 */
import type { Options } from 'k6/options';
import type { IterationInfo, MetricSample, ScenarioParams } from '../scenario-definition.js';
import type { DeclaredScenario } from './declared-scenario.js';
import { createBody } from './create-body.js';
import { externalIdFor } from './external-id-for.js';
import { retryAfterSeconds } from './retry-after-seconds.js';
import { signedCreate } from './signed-create.js';
import { statusMetrics, statusSamples } from './status-samples.js';

/** k6 scenario key → phase tag. */
export const rateLimitPhases = { above_limit: 'above-limit', retry_after: 'retry-after', below_limit: 'below-limit' } as const;

/** Seconds added to Retry-After before the next request (contract §6: "+ a small margin"). */
export const retryAfterMarginSeconds = 0.1;
/** A closed-model VU never sleeps longer than this, s; longer Retry-After values are not "waited out". */
export const maxRetryAfterSleepSeconds = 60;
/** Pause of a recovered polite client between requests, s. */
export const politePaceSeconds = 1;

/**
 * VUs of the closed-model phase: at most half the limit, so 1 request/s each
 * stays below it, and at most half the burst, so that all of them retrying
 * together after the same Retry-After fit in the refilled bucket: a 429 after
 * waiting is then the target's fault, not a thundering herd of our own.
 */
export function politeClientVus(params: ScenarioParams): number {
  const { requestsPerSecond, burst } = params.declaredLimit;
  return Math.max(1, Math.min(params.vus, Math.floor(requestsPerSecond / 2), Math.floor(burst / 2)));
}

interface PoliteClientState {
  throttledOnce: boolean;
  waited: boolean;
}
/** Per VU (k6: one module instance per VU anyway; Node engine: keyed by VU id). */
const politeClients = new Map<number, PoliteClientState>();
const politeClient = (vu: number): PoliteClientState => {
  let state = politeClients.get(vu);
  if (!state) politeClients.set(vu, (state = { throttledOnce: false, waited: false }));
  return state;
};

const phaseOf = (iteration: IterationInfo): string =>
  rateLimitPhases[iteration.scenario as keyof typeof rateLimitPhases] ?? iteration.scenario;

export const rateLimit: DeclaredScenario = {
  name: 'rate-limit',
  description: 'above the declared limit, then a closed model honouring Retry-After, then below the limit',
  metrics: {
    ...statusMetrics,
    throttled_rate: 'rate',
    retry_after_seconds: 'trend',
    retry_after_missing: 'counter',
    requests_after_wait: 'counter',
    throttled_after_wait: 'counter',
  },
  expectedStatuses: [429],
  options(params: ScenarioParams): Options {
    const d = params.durationSeconds;
    const below = Math.max(1, Math.round(params.declaredLimit.requestsPerSecond / 2));
    return {
      scenarios: {
        above_limit: {
          executor: 'constant-arrival-rate',
          exec: 'offeredLoad',
          rate: params.rate,
          timeUnit: '1s',
          duration: `${d}s`,
          preAllocatedVUs: params.vus,
          tags: { phase: rateLimitPhases.above_limit },
        },
        retry_after: {
          executor: 'constant-vus',
          exec: 'politeClient',
          vus: politeClientVus(params),
          duration: `${d}s`,
          startTime: `${d}s`,
          tags: { phase: rateLimitPhases.retry_after },
        },
        below_limit: {
          executor: 'constant-arrival-rate',
          exec: 'offeredLoad',
          rate: below,
          timeUnit: '1s',
          duration: `${d}s`,
          startTime: `${2 * d}s`,
          preAllocatedVUs: Math.max(1, Math.min(params.vus, below)),
          tags: { phase: rateLimitPhases.below_limit },
        },
      },
      thresholds: {
        'throttled_rate{phase:above-limit}': ['rate>0'],
        'throttled_rate{phase:below-limit}': ['rate==0'],
        'accepted{phase:above-limit}': ['count>0'],
        retry_after_missing: ['count==0'],
        throttled_after_wait: ['count==0'],
        unexpected_status: ['count==0'],
        http_req_failed: ['rate<0.01'],
      },
    };
  },
  request(exec, iteration, env) {
    const phase = phaseOf(iteration);
    const externalId = externalIdFor(env.runId, iteration.scenario, iteration.iterationInTest);
    const tags: Record<string, string> = { phase };
    if (exec === 'politeClient' && politeClient(iteration.vu).waited) tags.waited = 'true';
    return signedCreate(env, createBody(env, iteration.iterationInTest, externalId), { tags });
  },
  afterResponse(exec, iteration, response) {
    const tags = { phase: phaseOf(iteration) };
    const throttled = response.status === 429;
    const samples: MetricSample[] = [
      ...statusSamples(response.status).map((s) => ({ ...s, tags })),
      { metric: 'throttled_rate', kind: 'rate', value: throttled ? 1 : 0, tags },
    ];
    const waitSeconds = throttled ? retryAfterSeconds(response) : undefined;
    if (throttled) {
      samples.push(
        waitSeconds === undefined
          ? { metric: 'retry_after_missing', kind: 'counter', value: 1, tags }
          : { metric: 'retry_after_seconds', kind: 'trend', value: waitSeconds, tags },
      );
    }
    if (exec !== 'politeClient') return { samples };
    const state = politeClient(iteration.vu);
    if (state.waited) {
      samples.push({ metric: 'requests_after_wait', kind: 'counter', value: 1, tags });
      samples.push({ metric: 'throttled_after_wait', kind: 'counter', value: throttled ? 1 : 0, tags });
    }
    if (throttled) {
      state.throttledOnce = true;
      const sleep = (waitSeconds ?? 1) + retryAfterMarginSeconds;
      // Only a wait that covered the whole Retry-After counts towards honesty.
      state.waited = waitSeconds !== undefined && sleep <= maxRetryAfterSleepSeconds;
      return { samples, sleepSeconds: Math.min(sleep, maxRetryAfterSleepSeconds) };
    }
    state.waited = false;
    return { samples, ...(state.throttledOnce ? { sleepSeconds: politePaceSeconds } : {}) };
  },
};
