/**
 * Hostile targets (issue 5): servers that misbehave outside any contract.
 * Against each, `conformance` and `load` finish within their timeouts, say
 * what happened (exit 1 with failed checks, or exit 2 when nothing HTTP ever
 * answered), never crash (no exit 3, no unhandled rejection) and write their
 * reports whenever they ran. Set BOCA_HOSTILE_MATRIX=1 to print the outcome
 * table recorded in bench/RESULTS.md (`node bench/hostile-matrix.mjs`).
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { captureIo } from '../cli/capture-io.js';
import { hostileCases } from './hostile-servers.js';

const credentials = { BOCA_API_KEY: 'pk_hostile', BOCA_API_SECRET: 'sk_hostile_secret' };
/**
 * A small selection that exercises the preflight, signed and unsigned
 * requests, an idempotent replay and the run-wide checks: every request
 * against a stalling server costs the whole --timeout.
 */
const only = 'missing-api-key-rejected,valid-user-created,idempotent-replay,error-envelope,no-server-error';
const timeoutMs = 1000;
/**
 * Generous deadline per case: a handful of requests each bounded by the
 * 1 s --timeout, on 2 busy cores. A hang would blow far past it.
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
  if (process.env.BOCA_HOSTILE_MATRIX) {
    const table = ['| server | tool | exit | what it said | seconds |', '|---|---|---|---|---|'];
    for (const tool of ['conformance', 'load'])
      for (const row of rows.filter((r) => r.tool === tool)) table.push(`| ${row.server} | ${row.tool} | ${row.exit} | ${row.said.replaceAll('|', '\\|')} | ${row.seconds.toFixed(1)} |`);
    console.log(table.join('\n'));
  }
});

const reportsDir = () => mkdtempSync(join(tmpdir(), 'boca-hostile-'));
const runDirs = (dir: string) => readdirSync(dir).map((name) => join(dir, name));

/** Runs the CLI against a deadline; a hang fails the case instead of the whole file. */
async function timed(argv: string[], io: ReturnType<typeof captureIo>) {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const hung = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      io.abort();
      reject(new Error(`still running after ${deadlineMs} ms: ${argv.join(' ')}`));
    }, deadlineMs);
  });
  try {
    const exit = await Promise.race([main(argv, io), hung]);
    return { exit, seconds: (performance.now() - started) / 1000 };
  } finally {
    clearTimeout(timer);
  }
}

describe.each(hostileCases)('hostile target: $name', (hostile) => {
  it.concurrent('conformance finishes, says what happened and writes its reports', async () => {
    const server = await hostile.start();
    try {
      const dir = reportsDir();
      const io = captureIo(credentials);
      const { exit, seconds } = await timed(['conformance', '--target', server.url, '--only', only, '--runs', '2', '--timeout', String(timeoutMs), '--seed', '1', '--reports', dir], io);
      const output = io.out() + io.err();
      rows.push({ server: hostile.name, tool: 'conformance', exit, said: summaryLine(exit, output), seconds });
      expect(exit, output).toBe(hostile.conformance.exit);
      expect(output).toMatch(hostile.conformance.says);
      expect(output).not.toMatch(/internal error|\n\s+at /);
      if (exit === 2) {
        expect(io.err()).toMatch(/^boca-harness: Cannot reach the target/);
      } else {
        const [run] = runDirs(dir);
        for (const file of ['junit.xml', 'summary.json', 'summary.md', 'report.html']) expect(existsSync(join(run!, file)), file).toBe(true);
        expect(JSON.parse(readFileSync(join(run!, 'summary.json'), 'utf8')).complete).toBe(true);
      }
    } finally {
      await server.close();
    }
  });

  it.concurrent('load finishes, counts what happened and writes its reports', async () => {
    const server = await hostile.start();
    try {
      const dir = reportsDir();
      const io = captureIo(credentials);
      const { exit, seconds } = await timed(['load', '--scenario', 'throughput', '--target', server.url, '--rate', '50', '--duration', '1s', '--timeout', String(timeoutMs), '--workers', '0', '--reports', dir], io);
      const output = io.out() + io.err();
      const status = /status {2}(.*)/.exec(io.out())?.[1] ?? '';
      rows.push({ server: hostile.name, tool: 'load', exit, said: status, seconds });
      expect([0, 1, 99], output).toContain(exit);
      expect(status).toMatch(hostile.load);
      expect(output).not.toMatch(/internal error|\n\s+at /);
      const [run] = runDirs(dir);
      for (const file of ['load.json', 'load.md', 'load.html']) expect(existsSync(join(run!, file)), file).toBe(true);
    } finally {
      await server.close();
    }
  });
});

/** The line of the output that tells a user what happened. */
function summaryLine(exit: number, output: string): string {
  if (exit === 2) return /Cannot reach the target \S+: (.*?)\. Is it running/.exec(output)?.[1] ?? output.trim().split('\n').at(-1)!;
  const verdict = /FAILED: .*/.exec(output)?.[0] ?? '';
  const first = /✗ (\S+)[^\n]*\n {2}([^\n]*)/.exec(output);
  return first ? `${verdict}; first: ${first[1]}: ${first[2]}` : verdict;
}
