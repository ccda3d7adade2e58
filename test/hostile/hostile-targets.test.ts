/**
 * Hostile targets (issue 5): servers that misbehave outside any contract.
 * Against each, `conformance` and `load` finish within their timeouts, say
 * what happened (exit 1 with failed checks, or exit 2 when no HTTP response
 * ever started), never crash (no exit 3, no unhandled rejection) and write
 * their reports whenever they ran checks. BOCA_HOSTILE_MATRIX=1 prints the
 * outcome table recorded in bench/RESULTS.md (`node bench/hostile-matrix.mjs`).
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { captureIo, type CapturedIo } from '../cli/capture-io.js';
import { hostileCases, type RecordedExchange } from './hostile-servers.js';

const credentials = { BOCA_API_KEY: 'pk_hostile', BOCA_API_SECRET: 'sk_hostile_secret' };
/**
 * A few checks that exercise the preflight, signed and unsigned requests,
 * an idempotent replay and the run-wide checks: against a stalling target
 * every request costs the whole --timeout (until the stall breaker opens).
 */
const only = 'missing-api-key-rejected,valid-user-created,idempotent-replay,error-envelope,no-server-error';
const timeoutMs = 1000;
/**
 * Generous deadline per case. The slowest case (a stalling target) needs
 * the preflight plus 5 timed-out requests before the stall breaker opens,
 * about 6 × 1 s; the load runs last 1 s plus at most one 1 s deadline. Five
 * cases share 2 busy cores. A hang blows far past it.
 */
const deadlineMs = 30_000;

interface Row {
  readonly server: string;
  readonly tool: 'conformance' | 'load';
  readonly exit: number;
  readonly said: string;
  readonly seconds: number;
}
const rows: Row[] = [];

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
process.on('unhandledRejection', onUnhandled);
afterAll(() => {
  process.off('unhandledRejection', onUnhandled);
  expect(unhandled, 'no unhandled rejection while the matrix ran').toEqual([]);
  if (process.env.BOCA_HOSTILE_MATRIX) console.log(matrixTable(rows));
});

/** Runs the CLI in-process against the deadline: a hang fails its case (and is aborted) instead of stalling the file. */
async function runCli(argv: string[], io: CapturedIo): Promise<{ exit: number; seconds: number }> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const hung = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      io.abort();
      reject(new Error(`still running after ${deadlineMs} ms: boca-harness ${argv.join(' ')}`));
    }, deadlineMs);
  });
  try {
    const exit = await Promise.race([main(argv, io), hung]);
    return { exit, seconds: (performance.now() - started) / 1000 };
  } finally {
    clearTimeout(timer);
  }
}

/** A fresh reports directory for `use`, removed afterwards. */
async function withReportsDir(use: (dir: string) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'boca-hostile-'));
  try {
    await use(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const onlyRunDir = (dir: string): string => {
  const runs = readdirSync(dir);
  expect(runs).toHaveLength(1);
  return join(dir, runs[0]!);
};

// One flat suite of concurrent cases (up to 5 at once): most of a case is waiting on a deadline.
describe('hostile targets', () => {
  for (const hostile of hostileCases) {
    it.concurrent(`${hostile.name}: conformance finishes, says what happened and writes its reports`, async () => {
      const server = await hostile.start();
      try {
        await withReportsDir(async (dir) => {
          const io = captureIo(credentials);
          const argv = ['conformance', '--target', server.url, '--only', only, '--runs', '2', '--timeout', String(timeoutMs), '--seed', '1', '--reports', dir];
          const { exit, seconds } = await runCli(argv, io);
          const output = io.out() + io.err();
          expect(output).not.toMatch(/internal error|\n\s+at /);
          expect(exit, output).toBe(hostile.conformance.exit);
          expect(output).toMatch(hostile.conformance.says);
          if (exit === 2) {
            expect(io.err()).toMatch(/^boca-harness: Cannot reach the target/);
            expect(readdirSync(dir)).toEqual([]);
            rows.push({ server: hostile.name, tool: 'conformance', exit, said: /Cannot reach the target \S+: (.*)\. Is it running/.exec(io.err())?.[1] ?? io.err(), seconds });
            return;
          }
          const run = onlyRunDir(dir);
          for (const file of ['junit.xml', 'summary.json', 'summary.md', 'report.html']) expect(existsSync(join(run, file)), file).toBe(true);
          const summary = JSON.parse(readFileSync(join(run, 'summary.json'), 'utf8')) as Summary;
          expect(summary.complete).toBe(true);
          expect(summary.verdict.outcome).toBe('failed');
          rows.push({ server: hostile.name, tool: 'conformance', exit, said: firstFailure(summary), seconds });
          hostile.afterConformance?.(server, Object.values(summary.checks).flatMap((c) => (c.failures ?? []).flatMap((f) => f.exchanges)));
        });
      } finally {
        await server.close();
      }
    });

    it.concurrent(`${hostile.name}: load finishes, counts what happened and writes its reports`, async () => {
      const server = await hostile.start();
      try {
        await withReportsDir(async (dir) => {
          const io = captureIo(credentials);
          const argv = ['load', '--scenario', 'throughput', '--target', server.url, '--rate', '50', '--duration', '1s', '--timeout', String(timeoutMs), '--workers', '0', '--reports', dir];
          const { exit, seconds } = await runCli(argv, io);
          const output = io.out() + io.err();
          expect(output).not.toMatch(/internal error|\n\s+at /);
          // 0 ok, 99 a threshold failed, 1 a scenario check failed: never a crash, never 2 once it ran.
          expect([0, 1, 99], output).toContain(exit);
          const statuses = /status {2}(.*)/.exec(io.out())?.[1] ?? '';
          expect(statuses).toMatch(hostile.load);
          const run = onlyRunDir(dir);
          for (const file of ['load.json', 'load.md', 'load.html']) expect(existsSync(join(run, file)), file).toBe(true);
          rows.push({ server: hostile.name, tool: 'load', exit, said: statuses, seconds });
        });
      } finally {
        await server.close();
      }
    });
  }
});

interface Summary {
  readonly complete: boolean;
  readonly verdict: { readonly outcome: string; readonly headline: string };
  readonly checks: Readonly<Record<string, { readonly status: string; readonly failures?: readonly { readonly message: string; readonly exchanges: readonly RecordedExchange[] }[] }>>;
}

/** The headline, the first failed check and what its first exchange got: what a user reads first. */
function firstFailure(summary: Summary): string {
  const [id, check] = Object.entries(summary.checks).find(([, c]) => c.status === 'failed') ?? [];
  const failure = check?.failures?.[0];
  if (!failure) return summary.verdict.headline;
  const [exchange] = failure.exchanges;
  const got = exchange?.error ? `${exchange.error.code}: ${exchange.error.message}` : `${exchange?.response?.status} ${exchange?.response?.body.slice(0, 40).trim()}`;
  return `${summary.verdict.headline}; ${id}: …${failure.message.split(': ').at(-1)}; got ${got}`;
}

function matrixTable(all: readonly Row[]): string {
  const lines = ['| server | tool | exit | what it said | seconds |', '|---|---|---|---|---|'];
  for (const tool of ['conformance', 'load'] as const) {
    for (const row of all.filter((r) => r.tool === tool)) lines.push(`| ${row.server} | ${tool} | ${row.exit} | ${row.said.replace(/[\u0000-\u001f\u007f]/g, ' ').replaceAll('|', '\\|')} | ${row.seconds.toFixed(1)} |`);
  }
  return lines.join('\n');
}
