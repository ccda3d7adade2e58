/**
 * Issue 5, interrupted runs: SIGINT (Ctrl-C) or SIGTERM sent to a real
 * `boca-harness` process in the middle of conformance, load and certify (in
 * its conformance part and in its load part). Each process stops within 2 s
 * of the signal, writes its reports marked incomplete with what it gathered
 * so far, and exits 130 (SIGINT) or 143 (SIGTERM).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type StartedSandbox } from '../../src/sandbox/index.js';
import { ensureBuilt, spawnCli, type SpawnedCli } from './spawn-cli.js';

/**
 * The explicit deadline: "the process stops within 2 s". Measured
 * from the signal to the child's exit, so it includes writing the reports
 * and process teardown; a loaded CI machine only makes it longer, so a pass
 * here is a real pass.
 */
const stopDeadlineMs = 2_000;

const partners = [
  { apiKey: 'pk_interrupted_1', secret: 'sk_interrupted_1' },
  { apiKey: 'pk_interrupted_2', secret: 'sk_interrupted_2' },
];
const env = { BOCA_API_KEY: partners[0]!.apiKey, BOCA_API_SECRET: partners[0]!.secret, BOCA_API_KEY_2: partners[1]!.apiKey, BOCA_API_SECRET_2: partners[1]!.secret };

/** A target in this process, so a test can see requests arrive before it sends the signal. */
let target: StartedSandbox;
const dirs: string[] = [];
beforeAll(async () => {
  ensureBuilt();
  target = await startSandbox({ partners, rateLimit: { requestsPerSecond: 200, burst: 20 } });
});
afterAll(async () => {
  await target?.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** Resolves once the target holds more than `count` users (the run is sending), polling every 50 ms. */
async function usersCreatedBeyond(count: number, run: SpawnedCli, timeoutMs = 30_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (target.store.countUsers() <= count) {
    if (run.child.exitCode !== null || performance.now() > deadline) throw new Error(`no request reached the target:\n${run.stdout()}\n${run.stderr()}`);
    await delay(50);
  }
}

function reportsDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'boca-interrupted-'));
  dirs.push(dir);
  return dir;
}

/** The one run directory's file `name`, parsed. */
function readReport(dir: string, name: string): any {
  const [run, ...others] = readdirSync(dir);
  expect(others).toEqual([]);
  return JSON.parse(readFileSync(join(dir, run!, name), 'utf8'));
}

/** Sends `signal` and resolves with the exit code and how long the process took to exit. */
async function interrupt(run: SpawnedCli, signal: 'SIGINT' | 'SIGTERM'): Promise<{ code: number | null; stopMs: number; output: string }> {
  const sentAt = performance.now();
  run.child.kill(signal);
  const exit = await run.exited;
  return { code: exit.code, stopMs: exit.atMs - sentAt, output: `${run.stdout()}\n${run.stderr()}` };
}

describe('interrupted runs', () => {
  it('conformance, SIGINT mid-run: exits 130 within 2 s, keeping every check that finished', async () => {
    const dir = reportsDir();
    const run = spawnCli(['conformance', '--runs', '1000', '--seed', '3', '--reports', dir]);
    await run.waitForStdout(/\[3\/\d+\]/);
    const { code, stopMs, output } = await interrupt(run, 'SIGINT');
    expect(code, output).toBe(130);
    expect(stopMs, output).toBeLessThan(stopDeadlineMs);
    const summary = readReport(dir, 'summary.json');
    expect(summary.complete).toBe(false);
    const finished = [...run.stdout().matchAll(/^\[\d+\/\d+\] \S+ +(\w+) +§\d+ (\S+)/gm)].map((m) => ({ checkId: m[2], status: m[1] }));
    expect(finished.length).toBeGreaterThanOrEqual(3);
    // Every check that finished before the signal is in the report, as it finished; the interrupted one is not turned into a failure.
    const reported = Object.entries(summary.checks as Record<string, { status: string }>).map(([checkId, c]) => ({ checkId, status: c.status }));
    expect(reported).toEqual(finished);
    expect(reported.every((c) => c.status === 'passed')).toBe(true);
    expect(run.stderr()).toMatch(/interrupted; the reports hold what ran so far/);
  });

  it('conformance, SIGTERM during a rate-limit check (requests in flight on a timetable): exits 143 within 2 s, no crash', async () => {
    const dir = reportsDir();
    const run = spawnCli(['conformance', '--only', '§6', '--runs', '3', '--seed', '3', '--reports', dir]);
    // The first §6 check has finished: the second is sending at twice the declared limit.
    await run.waitForStdout(/\[1\/\d+\]/);
    await delay(200);
    const { code, stopMs, output } = await interrupt(run, 'SIGTERM');
    expect(code, output).toBe(143);
    expect(stopMs, output).toBeLessThan(stopDeadlineMs);
    expect(run.stderr()).not.toMatch(/\n\s+at /);
    const summary = readReport(dir, 'summary.json');
    expect(summary.complete).toBe(false);
    expect(Object.keys(summary.checks).length).toBeGreaterThanOrEqual(1);
  });

  it('load, SIGTERM about 1.5 s into a 30 s run: exits 143 within 2 s with a partial load.json', async () => {
    const dir = reportsDir();
    const before = target.store.countUsers();
    const run = spawnCli(['load', '--scenario', 'throughput', '--target', target.url, '--rate', '50', '--duration', '30s', '--rate-limit', '200/s', '--reports', dir], { env });
    // Worker threads may take a while to start on a busy machine: count from the first request, not from launch.
    await usersCreatedBeyond(before, run);
    await delay(1_500);
    const users = target.store.countUsers() - before;
    const { code, stopMs, output } = await interrupt(run, 'SIGTERM');
    expect(code, output).toBe(143);
    expect(stopMs, output).toBeLessThan(stopDeadlineMs);
    const load = readReport(dir, 'load.json');
    expect(load.complete).toBe(false);
    // Everything sent up to the signal is in the report.
    expect(load.totals.byStatus['201']).toBeGreaterThanOrEqual(users);
    expect(load.durationMs).toBeLessThan(30_000);
  });

  it('certify, SIGTERM during conformance: exits 143 within 2 s; the load parts are not run, the reports say so', async () => {
    const dir = reportsDir();
    const run = spawnCli(['certify', '--runs', '1000', '--seed', '3', '--reports', dir]);
    await run.waitForStdout(/\[2\/\d+\]/);
    const { code, stopMs, output } = await interrupt(run, 'SIGTERM');
    expect(code, output).toBe(143);
    expect(stopMs, output).toBeLessThan(stopDeadlineMs);
    const certification = readReport(dir, 'certification.json');
    expect(certification.verdict.certified).toBe(false);
    expect(certification.conformance.complete).toBe(false);
    expect(Object.keys(certification.conformance.checks).length).toBeGreaterThanOrEqual(2);
    for (const part of [certification.rateLimit, certification.throughput]) {
      expect(part.complete).toBe(false);
      expect(part.totals.sent).toBe(0);
    }
    // A part that never ran has no findings: it is not reported as failed.
    expect(certification.verdict.parts.map((p: { outcome: string }) => p.outcome)).toEqual(['passed', 'inconclusive', 'inconclusive']);
  });

  it('certify, SIGINT during the rate-limit part: exits 130 within 2 s with conformance complete and the load part partial', async () => {
    const dir = reportsDir();
    const run = spawnCli(['certify', '--target', target.url, '--rate-limit', '200/s', '--burst', '20', '--runs', '2', '--seed', '3', '--duration', '5', '--reports', dir], { env });
    await run.waitForStdout(/^rate-limit: /m, 60_000);
    await usersCreatedBeyond(target.store.countUsers(), run);
    await delay(500);
    const { code, stopMs, output } = await interrupt(run, 'SIGINT');
    expect(code, output).toBe(130);
    expect(stopMs, output).toBeLessThan(stopDeadlineMs);
    const certification = readReport(dir, 'certification.json');
    expect(certification.verdict.certified).toBe(false);
    expect(certification.conformance.complete).toBe(true);
    expect(certification.rateLimit.complete).toBe(false);
    expect(certification.rateLimit.totals.sent).toBeGreaterThan(0);
    expect(certification.throughput.complete).toBe(false);
    expect(certification.throughput.totals.sent).toBe(0);
  });
});
