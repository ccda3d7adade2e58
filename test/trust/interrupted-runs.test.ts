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
import { ensureBuilt, spawnCli, type SpawnedCli } from './spawn-cli.js';

/**
 * The explicit deadline: "the process stops within 2 s". Measured
 * from the signal to the child's exit, so it includes writing the reports
 * and process teardown; a loaded CI machine only makes it longer, so a pass
 * here is a real pass.
 */
const stopDeadlineMs = 2_000;

const dirs: string[] = [];
beforeAll(() => ensureBuilt());
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

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
    expect(summary.checks.map((c: { checkId: string; status: string }) => ({ checkId: c.checkId, status: c.status }))).toEqual(finished);
    expect(summary.checks.every((c: { status: string }) => c.status === 'passed')).toBe(true);
    expect(run.stderr()).toMatch(/interrupted; the reports hold what ran so far/);
  });

  it('load, SIGTERM after 1.5 s of a 30 s run: exits 143 within 2 s with a partial load.json', async () => {
    const dir = reportsDir();
    const run = spawnCli(['load', '--scenario', 'throughput', '--rate', '50', '--duration', '30s', '--reports', dir]);
    await run.waitForStdout(/^Load throughput/m);
    await delay(1_500);
    const { code, stopMs, output } = await interrupt(run, 'SIGTERM');
    expect(code, output).toBe(143);
    expect(stopMs, output).toBeLessThan(stopDeadlineMs);
    const load = readReport(dir, 'load.json');
    expect(load.complete).toBe(false);
    expect(load.totals.sent).toBeGreaterThan(0);
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
    expect(certification.conformance.checks.length).toBeGreaterThanOrEqual(2);
    for (const part of [certification.rateLimit, certification.throughput]) {
      expect(part.complete).toBe(false);
      expect(part.totals.sent).toBe(0);
    }
    // A part that never ran has no findings: it is not reported as failed.
    expect(certification.verdict.parts.map((p: { outcome: string }) => p.outcome)).toEqual(['passed', 'inconclusive', 'inconclusive']);
  });

  it('certify, SIGINT during the rate-limit part: exits 130 within 2 s with conformance complete and the load part partial', async () => {
    const dir = reportsDir();
    const run = spawnCli(['certify', '--runs', '2', '--seed', '3', '--duration', '5', '--reports', dir]);
    await run.waitForStdout(/^rate-limit: /m, 60_000);
    await delay(1_000);
    const { code, stopMs, output } = await interrupt(run, 'SIGINT');
    expect(code, output).toBe(130);
    expect(stopMs, output).toBeLessThan(stopDeadlineMs);
    const certification = readReport(dir, 'certification.json');
    expect(certification.verdict.certified).toBe(false);
    expect(certification.conformance.complete).toBe(true);
    expect(certification.rateLimit.complete).toBe(false);
    expect(certification.rateLimit.totals.sent).toBeGreaterThan(0);
    expect(certification.throughput.totals.sent).toBe(0);
  });
});
