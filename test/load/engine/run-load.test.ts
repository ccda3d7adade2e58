import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fileURLToPath } from 'node:url';
import { defaultProfile } from '../../../src/contract/profile.js';
import { formatProgressLine, type LoadProgress } from '../../../src/load/engine/load-progress.js';
import { runLoad, type RunLoadOptions } from '../../../src/load/engine/run-load.js';
import type { LoadSummary } from '../../../src/load/load-summary.js';
import { startSandbox, type StartedSandbox } from '../../../src/sandbox/index.js';
import { steadyCreates, unsupportedOptions } from './fixtures/test-definitions.js';

const partner = { apiKey: 'pk_load_test', secret: 'sk_load_test_secret_value' };
const definitionModule = fileURLToPath(new URL('./fixtures/test-definitions.ts', import.meta.url));
let sandbox: StartedSandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ partners: [partner], rateLimit: false, host: '127.0.0.1', port: 0 });
});
afterAll(() => sandbox.close());

const options = (overrides: Partial<RunLoadOptions> = {}): RunLoadOptions => ({
  definition: steadyCreates,
  params: { rate: 300, durationSeconds: 1, vus: 50, declaredLimit: { requestsPerSecond: 1000, burst: 100 } },
  target: new URL(sandbox.url),
  profile: defaultProfile,
  partner,
  definitionModule,
  ...overrides,
});

function expectConsistent(summary: LoadSummary): void {
  const { totals } = summary;
  const errors = Object.entries(totals.byStatus).filter(([k]) => k.startsWith('error:')).reduce((n, [, v]) => n + v, 0);
  const answered = Object.entries(totals.byStatus).filter(([k]) => !k.startsWith('error:')).reduce((n, [, v]) => n + v, 0);
  expect(totals.sent).toBe(totals.completed + errors);
  expect(answered).toBe(totals.completed);
  expect(totals.offered).toBe(totals.sent + totals.dropped);
  expect(summary.latency.fromScheduled.count).toBe(totals.sent);
  const byClass = Object.values(summary.latency.byStatusClass).reduce((n, s) => n + (s?.count ?? 0), 0);
  expect(byClass).toBe(totals.sent);
  expect(summary.timeline!.reduce((n, p) => n + p.sent, 0)).toBe(totals.sent);
}

describe('runLoad against the sandbox on 127.0.0.1', () => {
  test.each([
    ['in this thread', 0],
    ['on two worker threads', 2],
  ])('a short run %s gives consistent totals', async (_label, workers) => {
    const progress: LoadProgress[] = [];
    const summary = await runLoad(options({ workers, onProgress: (p) => progress.push(p) }));
    expect(summary).toMatchObject({ schemaVersion: 1, engine: 'node', scenario: 'steady-creates', complete: true });
    expect(summary.totals.offered).toBe(300);
    expect(summary.totals.byStatus['201']).toBeGreaterThan(0);
    expectConsistent(summary);
    expect(summary.generator?.workers).toBe(workers);
    expect(summary.thresholds.map((t) => t.metric)).toEqual(['http_reqs', 'http_req_duration{status:201}', 'http_req_failed', 'created']);
    const created = summary.thresholds.find((t) => t.metric === 'created')!;
    expect(created.observed).toBe(summary.totals.byStatus['201']);
    expect(typeof summary.valid).toBe('boolean');
    for (const p of progress) expect(formatProgressLine(p)).toMatch(/^\d+s\/1s {2}offered/);
  });

  test('thresholds fail on a target that rejects every request (exit 99 material)', async () => {
    const summary = await runLoad(options({ workers: 0, partner: { apiKey: 'pk_unknown', secret: 'nope' }, params: { rate: 50, durationSeconds: 1, vus: 10, declaredLimit: { requestsPerSecond: 1000, burst: 100 } } }));
    expect(summary.totals.byStatus['401']).toBe(50);
    expect(summary.thresholds.filter((t) => !t.passed).map((t) => t.metric)).toEqual(['http_req_failed', 'created']);
  });

  test('an abort stops the run early and returns a partial summary', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 300);
    const started = Date.now();
    const summary = await runLoad(options({ workers: 2, signal: controller.signal, params: { rate: 200, durationSeconds: 10, vus: 20, declaredLimit: { requestsPerSecond: 1000, burst: 100 } } }));
    expect(Date.now() - started).toBeLessThan(8000);
    expect(summary.complete).toBe(false);
    expect(summary.totals.offered).toBeLessThan(2000);
    expectConsistent(summary);
  });

  test('refuses options the Node engine does not run, naming each', async () => {
    await expect(runLoad(options({ definition: unsupportedOptions }))).rejects.toMatchObject({
      kind: 'usage',
      message: expect.stringMatching(/batch: not implemented[\s\S]*shared-iterations is not run[\s\S]*abortOnFail[\s\S]*--engine k6/),
    });
  });

  test('refuses a target outside loopback unless allowHosts lists it', async () => {
    await expect(runLoad(options({ target: new URL('https://api.example.com') }))).rejects.toMatchObject({ kind: 'usage', message: expect.stringContaining('allowHosts') });
  });

  test.each([
    [{ rate: 30_000, durationSeconds: 1 }, 'cap of 20000/s'],
    [{ rate: 10, durationSeconds: 700 }, 'cap of 600 s'],
    [{ rate: 20_000, durationSeconds: 60 }, 'cap of 1000000'],
  ])('refuses a run over a cap: %j', async (knobs, message) => {
    await expect(runLoad(options({ params: { ...knobs, vus: 10, declaredLimit: { requestsPerSecond: 1000, burst: 100 } } }))).rejects.toMatchObject({ kind: 'usage', message: expect.stringContaining(message) });
  });
});
