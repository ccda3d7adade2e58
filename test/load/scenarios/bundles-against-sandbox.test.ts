/**
 * The bundles' exec functions, teardown and handleSummary run once for real
 * against the sandbox, through the k6/http stub backed by synchronous HTTP:
 * what k6 would send is signed correctly and answered 201, the storm's
 * verification passes, and handleSummary writes a LoadSummary.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoadSummary } from '../../../src/load/load-summary.js';
import { stormKeyCount } from '../../../src/load/scenarios/index.js';
import { loadBundle } from '../k6-stubs/load-bundle.js';
import { startSandboxProcess, type SandboxProcess } from '../k6-stubs/sandbox-process.js';
import { resetStubState } from '../k6-stubs/stub-state.js';
import { closeSyncHttp, syncHttp } from '../k6-stubs/sync-http.js';
import { bundlePath } from './built-scenarios.js';
import { testPartner } from './scenario-env.js';

type Exports = Record<string, unknown>;
type SetupData = { runId: string; target: string; startedAtMs: number };

let sandbox: SandboxProcess;
const env = (): Record<string, string> => ({ BOCA_TARGET: `${sandbox.url}/`, BOCA_API_KEY: testPartner.apiKey, BOCA_API_SECRET: testPartner.secret, BOCA_RUN_ID: `t${Date.now()}` });

beforeAll(async () => {
  sandbox = await startSandboxProcess({ requestsPerSecond: 1000, burst: 1000 });
});
afterAll(async () => {
  await sandbox?.close();
  await closeSyncHttp();
});

describe('throughput bundle', () => {
  it('creates users with signed requests and summarises', async () => {
    const state = resetStubState(syncHttp);
    const bundle: Exports = await loadBundle(await bundlePath('throughput'), env());
    const data = (bundle.setup as () => SetupData)();
    expect(data.target).toBe(sandbox.url);
    for (let i = 0; i < 3; i++) {
      state.execution = { scenario: { name: 'throughput', iterationInTest: i }, vu: { idInTest: 1, iterationInScenario: i } };
      (bundle.throughput as (d: SetupData) => void)(data);
    }
    expect(state.requests).toHaveLength(3);
    expect(state.requests.every((r) => r.tags.phase === 'throughput' && r.tags.name === '/v1/users')).toBe(true);
    const counted = state.samples.filter((s) => s.metric.startsWith('http_status_'));
    expect(counted.map((s) => s.metric)).toEqual(['http_status_201', 'http_status_201', 'http_status_201']);
    expect(state.samples.filter((s) => s.metric === 'accepted')).toHaveLength(3);
    expect(JSON.stringify(state.requests)).not.toContain(testPartner.secret);

    const out = (bundle.handleSummary as (d: unknown) => Record<string, string>)({
      metrics: { http_status_201: { type: 'counter', values: { count: 3, rate: 1 } }, http_req_duration: { type: 'trend', values: { count: 3, avg: 2, med: 2, min: 1, max: 3, 'p(90)': 3, 'p(95)': 3, 'p(99)': 3 } } },
      state: { testRunDurationMs: 3000 },
      setup_data: data,
    });
    const file = Object.keys(out).find((k) => k !== 'stdout')!;
    expect(file).toBe(`reports/${data.runId}/load.json`);
    const summary = JSON.parse(out[file]!) as LoadSummary;
    expect(summary).toMatchObject({ engine: 'k6', scenario: 'throughput', runId: data.runId, target: sandbox.url, totals: { sent: 3, byStatus: { '201': 3 } } });
    expect(out.stdout).toContain('throughput (k6)');
    expect(`${out.stdout}${out[file]}`).not.toContain(testPartner.secret);
  });
});

describe('idempotency-storm bundle', () => {
  it('replays keys to one user each and its teardown verification passes', async () => {
    const state = resetStubState(syncHttp);
    const bundle: Exports = await loadBundle(await bundlePath('idempotency-storm'), env());
    const data = (bundle.setup as () => SetupData)();
    for (let i = 0; i < 2 * stormKeyCount; i++) {
      state.execution = { scenario: { name: 'storm', iterationInTest: i }, vu: { idInTest: 1 + (i % 3), iterationInScenario: i } };
      (bundle.storm as (d: SetupData) => void)(data);
    }
    expect(state.samples.filter((s) => s.metric === 'http_status_201')).toHaveLength(2 * stormKeyCount);
    expect(state.samples.filter((s) => s.metric === 'idempotency_user_mismatch').every((s) => s.value === 0)).toBe(true);
    (bundle.teardown as (d: SetupData) => void)(data);
    expect(state.checks).toEqual([
      { name: 'every key replays one user', passed: true },
      { name: 'every externalId was created once', passed: true },
    ]);
    expect(state.requests.filter((r) => r.tags.phase === 'verification')).toHaveLength(3 * stormKeyCount);
  });
});

describe('rate-limit bundle', () => {
  it('sends the polite client after Retry-After against a tight limit', async () => {
    const tight = await startSandboxProcess({ requestsPerSecond: 1, burst: 1 });
    try {
      const state = resetStubState(syncHttp);
      const bundle: Exports = await loadBundle(await bundlePath('rate-limit'), { ...env(), BOCA_TARGET: tight.url, BOCA_LIMIT_RPS: '1', BOCA_LIMIT_BURST: '1' });
      const data = (bundle.setup as () => SetupData)();
      for (let i = 0; i < 2; i++) {
        state.execution = { scenario: { name: 'retry_after', iterationInTest: i }, vu: { idInTest: 1, iterationInScenario: i } };
        (bundle.politeClient as (d: SetupData) => void)(data);
      }
      expect(state.samples.filter((s) => s.metric.startsWith('http_status_')).map((s) => s.metric)).toEqual(['http_status_201', 'http_status_429']);
      expect(state.sleeps).toHaveLength(1);
      expect(state.sleeps[0]).toBeGreaterThan(1);
      expect(state.samples).toContainEqual(expect.objectContaining({ metric: 'retry_after_seconds', kind: 'trend' }));
    } finally {
      await tight.close();
    }
  });
});
