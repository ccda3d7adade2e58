/**
 * Each k6 bundle, loaded in Node with stub k6 modules: its options are valid
 * k6 options (validateK6Options), use the executors and thresholds we mean,
 * every scenario's exec function is exported, and nothing but k6's own
 * modules is imported.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Options } from 'k6/options';
import { nodeEngineSupport, parseThreshold, parseThresholdKey, validateK6Options } from '../../../src/load/k6-options/index.js';
import { scenarioDefinitions } from '../../../src/load/scenarios/index.js';
import { importSpecifiers, loadBundle } from '../k6-stubs/load-bundle.js';
import { resetStubState } from '../k6-stubs/stub-state.js';
import { builtScenarios, bundlePath } from './built-scenarios.js';

const loadScenarios = ['throughput', 'rate-limit', 'idempotency-storm'] as const;
const expectedExecutors: Record<(typeof loadScenarios)[number], Record<string, string>> = {
  throughput: { throughput: 'constant-arrival-rate' },
  'rate-limit': { above_limit: 'constant-arrival-rate', retry_after: 'constant-vus', below_limit: 'constant-arrival-rate' },
  'idempotency-storm': { storm: 'constant-vus' },
};

beforeAll(async () => {
  await builtScenarios();
});

describe('the build', () => {
  it('bundles every scenario file and writes the user pool', async () => {
    const built = await builtScenarios();
    expect(built.bundles.map((b) => b.split('/').pop()).sort()).toEqual(['idempotency-storm.js', 'rate-limit.js', 'signing-vectors.js', 'throughput.js']);
    const pool = JSON.parse(readFileSync(built.usersFile, 'utf8')) as { users: { externalId: string; dateOfBirth: string }[] };
    expect(pool.users).toHaveLength(200);
    expect(new Set(pool.users.map((u) => JSON.stringify(u))).size).toBeGreaterThan(150);
  });

  it.each(['throughput', 'rate-limit', 'idempotency-storm', 'signing-vectors'])('%s.js imports only k6 modules, never node:, and carries a source map', async (name) => {
    const text = readFileSync(await bundlePath(name), 'utf8');
    const specifiers = importSpecifiers(text);
    expect(specifiers.length).toBeGreaterThan(0);
    for (const s of specifiers) expect(s === 'k6' || s.startsWith('k6/'), s).toBe(true);
    expect(text).not.toMatch(/["']node:/);
    expect(text).not.toMatch(/\brequire\(/);
    expect(text).toMatch(/\/\/# sourceMappingURL=data:application\/json;base64,/);
  });
});

describe.each(loadScenarios)('bundle %s', (name) => {
  let exports: Record<string, unknown>;
  let options: Options;
  beforeAll(async () => {
    resetStubState();
    exports = await loadBundle(await bundlePath(name), {});
    options = exports.options as Options;
  });

  it('exports options k6 accepts', () => {
    expect(validateK6Options(options)).toEqual([]);
  });

  it('the Node engine can run the definition options (refuses nothing)', () => {
    const definition = scenarioDefinitions.find((d) => d.name === name)!;
    expect(nodeEngineSupport(definition.options({ rate: 50, durationSeconds: 5, vus: 10, declaredLimit: { requestsPerSecond: 50, burst: 50 } }))).toEqual([]);
  });

  it('runs the executors it means, each with its required fields', () => {
    const scenarios = options.scenarios ?? {};
    expect(Object.fromEntries(Object.entries(scenarios).map(([key, s]) => [key, s.executor]))).toEqual(expectedExecutors[name]);
    for (const scenario of Object.values(scenarios)) {
      if (scenario.executor === 'constant-arrival-rate') {
        expect(scenario.rate).toBeGreaterThan(0);
        expect(scenario.preAllocatedVUs).toBeGreaterThan(0);
        expect(scenario.duration).toMatch(/^\d+s$/);
        expect(scenario.timeUnit).toBe('1s');
        expect(scenario).not.toHaveProperty('maxVUs');
      } else if (scenario.executor === 'constant-vus') {
        expect(scenario.vus).toBeGreaterThan(0);
        expect(scenario.duration).toMatch(/^\d+s$/);
      }
    }
  });

  it('exports the exec function of every scenario, setup and handleSummary', () => {
    for (const scenario of Object.values(options.scenarios ?? {})) expect(typeof exports[scenario.exec ?? 'default'], scenario.exec).toBe('function');
    expect(typeof exports.setup).toBe('function');
    expect(typeof exports.handleSummary).toBe('function');
  });

  it('has thresholds whose keys and expressions parse, and latency and error thresholds that are real', () => {
    const thresholds = options.thresholds ?? {};
    for (const [key, expressions] of Object.entries(thresholds)) {
      expect(parseThresholdKey(key)).not.toHaveProperty('problem');
      for (const e of expressions as string[]) expect(() => parseThreshold(e)).not.toThrow();
    }
    expect(thresholds.unexpected_status).toEqual(['count==0']);
    if (name === 'throughput') {
      expect(thresholds['http_req_duration{status:201}']).toEqual(['p(95)<500', 'p(99)<1000']);
      expect(thresholds.http_req_failed).toEqual(['rate<0.01']);
    }
    if (name === 'rate-limit') {
      expect(thresholds['throttled_rate{phase:above-limit}']).toEqual(['rate>0']);
      expect(thresholds['throttled_rate{phase:below-limit}']).toEqual(['rate==0']);
      expect(thresholds.throttled_after_wait).toEqual(['count==0']);
    }
    if (name === 'idempotency-storm') {
      expect(thresholds.checks).toEqual(['rate==1']);
      expect(typeof exports.teardown).toBe('function');
    }
  });

  it('marks 429 as an expected status for http_req_failed', () => {
    expect(globalThis.__k6Stub?.expectedStatuses).toEqual(expect.arrayContaining([{ min: 200, max: 399 }, 429]));
  });
});

describe('environment overrides', () => {
  it('BOCA_RATE, BOCA_DURATION, BOCA_VUS and the declared limit change the exported options', async () => {
    resetStubState();
    const tp = await loadBundle(await bundlePath('throughput'), { BOCA_RATE: '300', BOCA_DURATION: '1m', BOCA_VUS: '40' });
    expect((tp.options as Options).scenarios!.throughput).toMatchObject({ rate: 300, duration: '60s', preAllocatedVUs: 40 });
    const rl = await loadBundle(await bundlePath('rate-limit'), { BOCA_LIMIT_RPS: '100', BOCA_LIMIT_BURST: '20', BOCA_DURATION: '4' });
    const scenarios = (rl.options as Options).scenarios!;
    expect(scenarios.above_limit).toMatchObject({ rate: 200, duration: '4s' });
    expect(scenarios.retry_after).toMatchObject({ startTime: '4s', duration: '4s' });
    expect(scenarios.below_limit).toMatchObject({ rate: 50, startTime: '8s' });
  });

  it('refuses a malformed value with a message naming the variable', async () => {
    resetStubState();
    await expect(loadBundle(await bundlePath('throughput'), { BOCA_RATE: 'fast' })).rejects.toThrow(/BOCA_RATE=fast/);
  });
});

describe('signing-vectors bundle', () => {
  const vectorsFile = new URL('../../../contract/signing-vectors.json', import.meta.url).pathname;

  it('passes every check with the k6/crypto stub', async () => {
    const state = resetStubState();
    const bundle = await loadBundle(await bundlePath('signing-vectors'), { BOCA_SIGNING_VECTORS: vectorsFile });
    expect(validateK6Options(bundle.options)).toEqual([]);
    expect((bundle.options as Options).thresholds).toEqual({ checks: ['rate==1'] });
    (bundle.signingVectors as () => void)();
    expect(state.checks.length).toBeGreaterThan(3);
    expect(state.checks.every((c) => c.passed)).toBe(true);
  });

  it('fails a check when a vector does not match', async () => {
    const vectors = JSON.parse(readFileSync(vectorsFile, 'utf8')) as { vectors: { expected: { signature: string } }[] };
    vectors.vectors[0]!.expected.signature = '0'.repeat(64);
    const tampered = join(mkdtempSync(join(tmpdir(), 'boca-vectors-')), 'vectors.json');
    writeFileSync(tampered, JSON.stringify(vectors));
    const state = resetStubState();
    const bundle = await loadBundle(await bundlePath('signing-vectors'), { BOCA_SIGNING_VECTORS: tampered });
    (bundle.signingVectors as () => void)();
    expect(state.checks.filter((c) => !c.passed).map((c) => c.name)).toEqual([expect.stringMatching(/: signature$/)]);
  });
});
