/** The runtime-neutral scenario definitions, called directly with node:crypto. */
import { describe, expect, it } from 'vitest';
import { utcDate, validateUser } from '../../../src/contract/index.js';
import type { ObservedResponse, PlannedRequest } from '../../../src/load/scenario-definition.js';
import {
  defaultScenarioParams,
  idempotencyStorm,
  politeClientVus,
  rateLimit,
  scenarioDefinitions,
  stormKeyCount,
  throughput,
} from '../../../src/load/scenarios/index.js';
import { externalIdFor } from '../../../src/load/scenarios/external-id-for.js';
import { verifySignature } from '../../../src/signing/sign-request.js';
import { nodeCrypto } from '../../../src/signing/node-crypto.js';
import { iterationOf, testEnv, testPartner } from './scenario-env.js';

const env = testEnv();
const header = (request: PlannedRequest, name: string): string =>
  Object.entries(request.headers).find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1] ?? '';

const response = (status: number, headers: Record<string, string> = {}, body = ''): ObservedResponse => ({
  status,
  headers,
  body,
  durationMs: 1,
  receivedAtMs: Date.parse('2026-12-03T13:15:01Z'),
});

const externalIdPattern = /^[A-Za-z0-9][A-Za-z0-9._:-]*$/;

describe.each(scenarioDefinitions.map((d) => [d.name, d] as const))('%s', (_, definition) => {
  const params = defaultScenarioParams(definition.name, { requestsPerSecond: 50, burst: 50 });
  const scenarios = Object.entries(definition.options(params).scenarios ?? {});

  it('signs every request correctly over its exact body (contract §1)', () => {
    for (const [key, scenario] of scenarios) {
      const request = definition.request(scenario.exec ?? 'default', iterationOf(key, 7), env);
      const { valid } = verifySignature(
        { method: request.method, path: request.path, timestamp: header(request, 'X-Request-Timestamp'), body: request.body },
        testPartner,
        header(request, 'X-Request-Signature'),
        { profile: env.profile.signing, crypto: nodeCrypto },
      );
      expect(valid).toBe(true);
      expect(header(request, 'X-Api-Key')).toBe(testPartner.apiKey);
      expect(header(request, 'Content-Type')).toBe('application/json');
      expect(request.path).toBe('/v1/users');
    }
  });

  it('sends bodies the contract accepts (contract §3)', () => {
    for (const [key, scenario] of scenarios) {
      for (let i = 0; i < 20; i++) {
        const body = JSON.parse(definition.request(scenario.exec ?? 'default', iterationOf(key, i), env).body) as unknown;
        expect(validateUser(body as Record<string, unknown>, env.profile, utcDate(Date.now()))).toEqual([]);
      }
    }
  });

  it('declares every metric its afterResponse emits', () => {
    for (const [key, scenario] of scenarios) {
      for (const status of [201, 409, 429, 500, 0]) {
        const after = definition.afterResponse?.(scenario.exec ?? 'default', iterationOf(key, 3), response(status, { 'retry-after': '1' }, '{"userId":"u-1"}'), env);
        for (const sample of after?.samples ?? []) expect(definition.metrics[sample.metric], sample.metric).toBe(sample.kind);
      }
    }
  });
});

describe('externalIds', () => {
  it('are unique across iterations and scenarios, and fit the contract rule (≤ 64, pattern)', () => {
    const ids = new Set<string>();
    for (const [scenario, exec] of [['throughput', 'throughput'], ['above_limit', 'offeredLoad'], ['below_limit', 'offeredLoad'], ['retry_after', 'politeClient']] as const) {
      const definition = scenario === 'throughput' ? throughput : rateLimit;
      for (let i = 0; i < 500; i++) ids.add((JSON.parse(definition.request(exec, iterationOf(scenario, i), env).body) as { externalId: string }).externalId);
    }
    expect(ids.size).toBe(2000);
    for (const id of ids) {
      expect(id.length).toBeLessThanOrEqual(64);
      expect(id).toMatch(externalIdPattern);
    }
  });

  it('stay within the rule for hostile run ids and huge iteration numbers', () => {
    for (const runId of ['-weird run/id with spaces and ünïcode' + 'x'.repeat(80), '', '___']) {
      const id = externalIdFor(runId, 'a_very_long_scenario_name_indeed', Number.MAX_SAFE_INTEGER);
      expect(id.length).toBeLessThanOrEqual(64);
      expect(id).toMatch(externalIdPattern);
    }
  });

  it('differ between runs', () => {
    const a = throughput.request('throughput', iterationOf('throughput', 1), env).body;
    const b = throughput.request('throughput', iterationOf('throughput', 1), testEnv({ runId: '20261203T131500Z-ffffff' })).body;
    expect(JSON.parse(a).externalId).not.toBe(JSON.parse(b).externalId);
  });
});

describe('rate-limit', () => {
  it('tags each phase and sleeps out Retry-After in the closed model, then paces itself', () => {
    expect(rateLimit.request('offeredLoad', iterationOf('above_limit', 0), env).tags).toEqual({ phase: 'above-limit' });
    expect(rateLimit.request('offeredLoad', iterationOf('below_limit', 0), env).tags).toEqual({ phase: 'below-limit' });
    const vu = 901;
    expect(rateLimit.request('politeClient', iterationOf('retry_after', 0, vu), env).tags).toEqual({ phase: 'retry-after' });
    expect(rateLimit.afterResponse!('politeClient', iterationOf('retry_after', 0, vu), response(201), env).sleepSeconds).toBeUndefined();
    const throttled = rateLimit.afterResponse!('politeClient', iterationOf('retry_after', 1, vu), response(429, { 'retry-after': '2' }), env);
    expect(throttled.sleepSeconds).toBeCloseTo(2.1);
    expect(throttled.samples).toContainEqual({ metric: 'retry_after_seconds', kind: 'trend', value: 2, tags: { phase: 'retry-after' } });
    expect(rateLimit.request('politeClient', iterationOf('retry_after', 2, vu), env).tags).toEqual({ phase: 'retry-after', waited: 'true' });
    const after = rateLimit.afterResponse!('politeClient', iterationOf('retry_after', 2, vu), response(201), env);
    expect(after.samples).toContainEqual({ metric: 'requests_after_wait', kind: 'counter', value: 1, tags: { phase: 'retry-after' } });
    expect(after.samples).toContainEqual({ metric: 'throttled_after_wait', kind: 'counter', value: 0, tags: { phase: 'retry-after' } });
    expect(after.sleepSeconds).toBe(1);
  });

  it('reads an HTTP-date Retry-After against the Date header and counts a missing one', () => {
    const dated = rateLimit.afterResponse!('offeredLoad', iterationOf('above_limit', 0), response(429, { 'retry-after': 'Thu, 03 Dec 2026 13:15:04 GMT', date: 'Thu, 03 Dec 2026 13:15:01 GMT' }), env);
    expect(dated.samples).toContainEqual({ metric: 'retry_after_seconds', kind: 'trend', value: 3, tags: { phase: 'above-limit' } });
    expect(dated.sleepSeconds).toBeUndefined();
    const missing = rateLimit.afterResponse!('offeredLoad', iterationOf('above_limit', 0), response(429), env);
    expect(missing.samples).toContainEqual({ metric: 'retry_after_missing', kind: 'counter', value: 1, tags: { phase: 'above-limit' } });
  });

  it('runs the polite phase with at most half the limit, and half the burst, in VUs', () => {
    const options = rateLimit.options({ rate: 40, durationSeconds: 5, vus: 100, declaredLimit: { requestsPerSecond: 20, burst: 5 } });
    expect(options.scenarios!.retry_after).toMatchObject({ executor: 'constant-vus', vus: 2 });
    const wideBurst = rateLimit.options({ rate: 40, durationSeconds: 5, vus: 100, declaredLimit: { requestsPerSecond: 20, burst: 40 } });
    expect(wideBurst.scenarios!.retry_after).toMatchObject({ executor: 'constant-vus', vus: 10 });
    expect(options.scenarios!.below_limit).toMatchObject({ rate: 10 });
  });
});

describe('idempotency-storm', () => {
  it('replays a few keys, each with byte-identical bodies and a UUID key (contract §4)', () => {
    const byKey = new Map<string, Set<string>>();
    for (let i = 0; i < 50; i++) {
      const request = idempotencyStorm.request('storm', iterationOf('storm', i), env);
      const key = header(request, 'Idempotency-Key');
      expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      byKey.set(key, (byKey.get(key) ?? new Set()).add(request.body));
    }
    expect(byKey.size).toBe(stormKeyCount);
    for (const bodies of byKey.values()) expect(bodies.size).toBe(1);
  });

  it('counts a 201 whose userId differs from the first one seen for the key', () => {
    const e = testEnv({ runId: 'mismatch-run' });
    const first = idempotencyStorm.afterResponse!('storm', iterationOf('storm', 0), response(201, {}, '{"userId":"a"}'), e);
    const same = idempotencyStorm.afterResponse!('storm', iterationOf('storm', stormKeyCount), response(201, {}, '{"userId":"a"}'), e);
    const other = idempotencyStorm.afterResponse!('storm', iterationOf('storm', 2 * stormKeyCount), response(201, {}, '{"userId":"b"}'), e);
    const mismatches = [first, same, other].map((a) => a.samples!.find((s) => s.metric === 'idempotency_user_mismatch')!.value);
    expect(mismatches).toEqual([0, 0, 1]);
    expect(idempotencyStorm.afterResponse!('storm', iterationOf('storm', 1), response(409), e).samples).toContainEqual({
      metric: 'idempotency_in_flight', kind: 'counter', value: 1, tags: { phase: 'storm' },
    });
  });

  it('verifies through the API: two replays with one userId and a 409 for a fresh key', () => {
    const requests = idempotencyStorm.verification!.requests(env);
    expect(requests).toHaveLength(3 * stormKeyCount);
    const storm0 = idempotencyStorm.request('storm', iterationOf('storm', 0), env);
    expect(requests[0]!.body).toBe(storm0.body);
    expect(header(requests[0]!, 'Idempotency-Key')).toBe(header(storm0, 'Idempotency-Key'));
    expect(header(requests[2]!, 'Idempotency-Key')).not.toBe(header(storm0, 'Idempotency-Key'));
    expect(JSON.parse(requests[2]!.body).externalId).toBe(JSON.parse(storm0.body).externalId);

    const healthy = Array.from({ length: stormKeyCount }, (_, k) => [response(201, {}, `{"userId":"u${k}"}`), response(201, {}, `{"userId":"u${k}"}`), response(409)]).flat();
    expect(idempotencyStorm.verification!.judge(healthy).map((v) => v.passed)).toEqual([true, true]);
    const twoUsers = healthy.map((r, i) => (i === 1 ? response(201, {}, '{"userId":"other"}') : i === 5 ? response(201) : r));
    const verdicts = idempotencyStorm.verification!.judge(twoUsers);
    expect(verdicts.map((v) => v.passed)).toEqual([false, false]);
    expect(verdicts[0]!.detail).toMatch(/key 0/);
    expect(verdicts[1]!.detail).toMatch(/key 1: .* got 201/);
  });
});

describe('defaultScenarioParams', () => {
  it('derives rates from the declared limit and sizes arrival-rate VUs from the rate', () => {
    const limit = { requestsPerSecond: 50, burst: 50 };
    expect(defaultScenarioParams('throughput', limit)).toEqual({ rate: 40, durationSeconds: 30, vus: 30, declaredLimit: limit });
    expect(defaultScenarioParams('rate-limit', limit)).toMatchObject({ rate: 100, durationSeconds: 10, vus: 60 });
    expect(defaultScenarioParams('rate-limit', limit, { rate: 400 })).toMatchObject({ rate: 400, vus: 210 });
    expect(defaultScenarioParams('idempotency-storm', limit, { durationSeconds: 3 })).toMatchObject({ vus: 20, durationSeconds: 3 });
  });
});

describe('rate-limit polite clients', () => {
  it('are few enough to retry together within the burst and to stay below the limit at 1 request/s each', () => {
    const params = (requestsPerSecond: number, burst: number, vus = 500) => ({ rate: 2 * requestsPerSecond, durationSeconds: 5, vus, declaredLimit: { requestsPerSecond, burst } });
    expect(politeClientVus(params(200, 20))).toBe(10);
    expect(politeClientVus(params(100, 100))).toBe(50);
    expect(politeClientVus(params(1000, 100, 8))).toBe(8);
    expect(politeClientVus(params(1, 1))).toBe(1);
  });
});
