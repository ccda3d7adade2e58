/**
 * `idempotency-storm` (contract §4): closed-model VUs replay a small set of
 * Idempotency-Keys concurrently, the same body bytes for every replay of a
 * key. Every 201 of a key must carry one userId; 409 (key in flight) and 429
 * are expected. Afterwards the verification asks the API itself, for every
 * key: two more replays must return 201 with one and the same userId, and a
 * create with the key's externalId under a fresh key must get 409, so the
 * externalId belongs to exactly one user.
 */
import type { Options } from 'k6/options';
import type { ObservedResponse, PlannedRequest, ScenarioEnv, ScenarioParams } from '../scenario-definition.js';
import type { DeclaredScenario } from './declared-scenario.js';
import { createBody } from './create-body.js';
import { externalIdFor } from './external-id-for.js';
import { idempotencyKeyFor } from './idempotency-key-for.js';
import { retryAfterSeconds } from './retry-after-seconds.js';
import { retryAfterMarginSeconds, maxRetryAfterSleepSeconds } from './rate-limit.js';
import { signedCreate } from './signed-create.js';
import { statusMetrics, statusSamples } from './status-samples.js';

/** How many Idempotency-Keys the storm shares between all VUs. */
export const stormKeyCount = 5;

interface StormKey {
  readonly key: string;
  readonly externalId: string;
  readonly body: string;
}

const stormKeys = new Map<string, StormKey>();
/** Key number `index` of the run: key, externalId and the exact body bytes, derived from the run id. */
export function stormKey(env: ScenarioEnv, index: number): StormKey {
  const id = `${env.runId}:${index}`;
  let entry = stormKeys.get(id);
  if (!entry) {
    const externalId = externalIdFor(env.runId, 'storm', index);
    entry = { key: idempotencyKeyFor(env.runId, 'storm', index, env.crypto), externalId, body: createBody(env, index, externalId) };
    stormKeys.set(id, entry);
  }
  return entry;
}

const userIdOf = (response: ObservedResponse): string | undefined => {
  try {
    const parsed: unknown = JSON.parse(response.body);
    const userId = (parsed as { userId?: unknown } | null)?.userId;
    return typeof userId === 'string' ? userId : undefined;
  } catch {
    return undefined;
  }
};

/** The first userId seen for each key, per VU (k6) or per worker (Node engine). */
const firstUserIds = new Map<string, string>();

const keyIndexOf = (iterationInTest: number): number => iterationInTest % stormKeyCount;

/** Requests per key in the verification: replay, replay, fresh key with the same externalId. */
const verificationRequestsPerKey = 3;

export const idempotencyStorm: DeclaredScenario = {
  name: 'idempotency-storm',
  description: 'concurrent replays of a few Idempotency-Keys; afterwards every key maps to exactly one user',
  metrics: {
    ...statusMetrics,
    idempotency_in_flight: 'counter',
    idempotency_user_mismatch: 'counter',
  },
  expectedStatuses: [409, 429],
  options(params: ScenarioParams): Options {
    return {
      scenarios: {
        storm: {
          executor: 'constant-vus',
          exec: 'storm',
          vus: params.vus,
          duration: `${params.durationSeconds}s`,
          tags: { phase: 'storm' },
        },
      },
      thresholds: {
        idempotency_user_mismatch: ['count==0'],
        unexpected_status: ['count==0'],
        accepted: ['count>0'],
      },
    };
  },
  request(_exec, iteration, env) {
    const index = keyIndexOf(iteration.iterationInTest);
    const { key, body } = stormKey(env, index);
    return signedCreate(env, body, { idempotencyKey: key, tags: { phase: 'storm', key: String(index) } });
  },
  afterResponse(_exec, iteration, response, env) {
    const index = keyIndexOf(iteration.iterationInTest);
    const tags = { phase: 'storm' };
    const samples = statusSamples(response.status, [409]).map((s) => ({ ...s, tags }));
    if (response.status === 409) samples.push({ metric: 'idempotency_in_flight', kind: 'counter', value: 1, tags });
    if (response.status === 201) {
      const userId = userIdOf(response);
      const id = `${env.runId}:${index}`;
      const first = firstUserIds.get(id);
      if (first === undefined && userId !== undefined) firstUserIds.set(id, userId);
      const mismatch = userId === undefined || (first !== undefined && first !== userId);
      samples.push({ metric: 'idempotency_user_mismatch', kind: 'counter', value: mismatch ? 1 : 0, tags });
    }
    if (response.status !== 429) return { samples };
    const wait = (retryAfterSeconds(response) ?? 1) + retryAfterMarginSeconds;
    return { samples, sleepSeconds: Math.min(wait, maxRetryAfterSleepSeconds) };
  },
  verification: {
    requests(env: ScenarioEnv): readonly PlannedRequest[] {
      const requests: PlannedRequest[] = [];
      const tags = { phase: 'verification' };
      for (let index = 0; index < stormKeyCount; index++) {
        const { key, externalId, body } = stormKey(env, index);
        requests.push(signedCreate(env, body, { idempotencyKey: key, tags }));
        requests.push(signedCreate(env, body, { idempotencyKey: key, tags }));
        const freshKey = idempotencyKeyFor(env.runId, 'storm-fresh', index, env.crypto);
        requests.push(signedCreate(env, createBody(env, index + 1, externalId), { idempotencyKey: freshKey, tags }));
      }
      return requests;
    },
    judge(responses) {
      const oneUser: string[] = [];
      const createdOnce: string[] = [];
      for (let index = 0; index < stormKeyCount; index++) {
        const [first, second, fresh] = responses.slice(index * verificationRequestsPerKey, (index + 1) * verificationRequestsPerKey);
        const a = first && first.status === 201 ? userIdOf(first) : undefined;
        const b = second && second.status === 201 ? userIdOf(second) : undefined;
        if (a === undefined || a !== b) oneUser.push(`key ${index}: replays answered ${first?.status ?? 'nothing'}/${second?.status ?? 'nothing'} with userIds ${a ?? '-'} and ${b ?? '-'}`);
        if (fresh?.status !== 409) createdOnce.push(`key ${index}: a fresh key with the same externalId got ${fresh?.status ?? 'nothing'}, expected 409`);
      }
      return [
        { name: 'every key replays one user', passed: oneUser.length === 0, ...(oneUser.length ? { detail: oneUser.join('; ') } : {}) },
        { name: 'every externalId was created once', passed: createdOnce.length === 0, ...(createdOnce.length ? { detail: createdOnce.join('; ') } : {}) },
      ];
    },
  },
};
