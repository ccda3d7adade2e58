import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadCommand } from '../../../src/cli/commands/load.js';
import { startSandbox, type StartedSandbox } from '../../../src/sandbox/index.js';
import { captureIo, type CapturedIo } from '../../cli/capture-io.js';

const partner = { apiKey: 'pk_cmd_test', secret: 'sk_cmd_test_secret_value' };
let sandbox: StartedSandbox;
let cwd: string;

beforeAll(async () => {
  sandbox = await startSandbox({ partners: [partner], rateLimit: false });
  cwd = await mkdtemp(join(tmpdir(), 'boca-load-'));
});
afterAll(async () => {
  await sandbox.close();
  await rm(cwd, { recursive: true, force: true });
});

/** The command's io, with an empty PATH (so k6 is never found) and the test's working directory. */
const io = (env: NodeJS.ProcessEnv = {}): CapturedIo => captureIo({ PATH: '', ...env }, cwd);

// No warm-up unless a test asks for one: it only adds seconds to runs of 40 requests/s.
const run = (args: Record<string, string>, context: CapturedIo) => loadCommand.run({ reports: 'reports', workers: '0', 'warm-up': '0', ...args }, [], context);

describe('boca-harness load', () => {
  test('exits 99 when a threshold fails (every request rejected) and writes the reports', async () => {
    const context = io({ BOCA_API_KEY: 'pk_unknown', BOCA_API_SECRET: 'wrong' });
    const code = await run({ scenario: 'throughput', target: sandbox.url, rate: '40', duration: '1s' }, context);
    expect(code).toBe(99);
    expect(context.out()).toContain('✗ http_req_failed rate<0.01');
    const dir = /Reports: (\S+)\//.exec(context.out())![1]!;
    const summary = JSON.parse(await readFile(join(dir, 'load.json'), 'utf8'));
    expect(summary.totals.byStatus['401']).toBe(40);
    expect(summary.complete).toBe(true);
  });

  test.each([[{}], [{ 'warm-up': '300', workers: '2' }]])('exits 0 when the thresholds pass (%j)', async (extra) => {
    const context = io({ BOCA_API_KEY: partner.apiKey, BOCA_API_SECRET: partner.secret });
    expect(await run({ scenario: 'throughput', target: sandbox.url, rate: '40', duration: '1s', ...extra }, context)).toBe(0);
  });

  test('an interrupted run exits 130 with a partial report marked incomplete', async () => {
    const context = io({ BOCA_API_KEY: partner.apiKey, BOCA_API_SECRET: partner.secret });
    setTimeout(() => context.abort(), 300);
    expect(await run({ scenario: 'throughput', target: sandbox.url, rate: '50', duration: '20s' }, context)).toBe(130);
    const dir = /Reports: (\S+)\//.exec(context.out())![1]!;
    expect(JSON.parse(await readFile(join(dir, 'load.json'), 'utf8')).complete).toBe(false);
  });

  test('a closed-model run stopped at --max-requests exits 2 with a partial report that says why', async () => {
    const context = io({ BOCA_API_KEY: partner.apiKey, BOCA_API_SECRET: partner.secret });
    expect(await run({ scenario: 'idempotency-storm', target: sandbox.url, vus: '4', duration: '20s', 'max-requests': '60' }, context)).toBe(2);
    expect(context.err()).toContain('the run stopped at the cap of 60 requests');
    expect(context.err()).not.toContain('interrupted');
    const dir = /Reports: (\S+)\//.exec(context.out())![1]!;
    const summary = JSON.parse(await readFile(join(dir, 'load.json'), 'utf8'));
    expect(summary).toMatchObject({ complete: false, stoppedEarly: 'request-cap', totals: { sent: 60 } });
    expect(await readFile(join(dir, 'load.md'), 'utf8')).toContain('Incomplete run: it stopped at the cap on requests per run');
  });

  test.each([
    [{}, '--scenario is required'],
    [{ scenario: 'nope' }, '--scenario nope: unknown'],
    [{ scenario: 'throughput', engine: 'jmeter' }, 'expected node or k6'],
    [{ scenario: 'throughput', engine: 'k6' }, 'k6 is not installed'],
    [{ scenario: 'throughput', rate: 'fast' }, '--rate fast'],
    [{ scenario: 'throughput', 'warm-up': 'soon' }, '--warm-up soon'],
    [{ scenario: 'throughput', 'max-requests': '2000000' }, 'expected a whole number from 1 to 1000000'],
    [{ scenario: 'throughput', target: 'http://127.0.0.1:9', rate: '40', duration: '2s', 'max-requests': '50' }, 'above the cap of 50 per run'],
    [{ scenario: 'throughput', target: 'https://api.example.com' }, 'allowHosts'],
  ])('usage error for %j', async (args, message) => {
    const context = io({ BOCA_API_KEY: partner.apiKey, BOCA_API_SECRET: partner.secret });
    await expect(run(args, context)).rejects.toMatchObject({ kind: 'usage', message: expect.stringContaining(message) });
  });

  test('the help teaches with examples', () => {
    expect(loadCommand.help).toContain('Examples:');
    expect(loadCommand.help).toContain('--scenario rate-limit');
  });
});
