/**
 * Issue 5, secrets: conformance (passing and failing), replay, load and
 * certify run with recognisable secrets, and every byte they write — stdout,
 * stderr, every report file, the curl reproductions inside them, the GitHub
 * step summary — is searched for each secret in every encoding of
 * `secretEncodings`: zero occurrences. The runs are real child processes of
 * the built CLI, so process-level output counts too.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { startSandbox, type StartedSandbox } from '../../src/sandbox/index.js';
import { captureIo } from '../cli/capture-io.js';
import { filesUnder } from './files-under.js';
import { findSecrets } from './secret-encodings.js';
import { ensureBuilt, spawnCli } from './spawn-cli.js';

const partners = [
  { apiKey: 'pk_trust_partner1', secret: 'sk_live_TOPSECRET_4f9c2b7e1d' },
  // Characters that base64, hex and URL encoding all change.
  { apiKey: 'pk_trust_partner2', secret: 'sk_live_TOPSECRET_2+/=&?é~9e8d' },
];
const secrets = partners.map((p) => p.secret);
const env = {
  BOCA_API_KEY: partners[0]!.apiKey,
  BOCA_API_SECRET: partners[0]!.secret,
  BOCA_API_KEY_2: partners[1]!.apiKey,
  BOCA_API_SECRET_2: partners[1]!.secret,
};
/** Faults whose failures carry signed requests of both partners into the reports and their curl commands. */
const faults = ['server-error-on-unicode-name', 'signature-over-reserialised-json', 'idempotency-shared-across-partners', 'partner-found-by-signature'];
const failingChecks = 'missing-api-key-rejected,unknown-api-key-rejected,byte-exact-signature-accepted,valid-user-created,idempotency-scoped-per-partner';
/** High enough that --runs 3 of the §6 checks take a second or two, low enough that a 429 comes. */
const limit = { requestsPerSecond: 200, burst: 40 };
const limitArgs = ['--rate-limit', '200/s', '--burst', '40'];

let healthy: StartedSandbox;
let faulty: StartedSandbox;
beforeAll(async () => {
  ensureBuilt();
  healthy = await startSandbox({ partners, rateLimit: limit });
  faulty = await startSandbox({ partners, rateLimit: limit, faults });
});
const dirs: string[] = [];
afterAll(async () => {
  await healthy?.close();
  await faulty?.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** A fresh reports directory with the step summary file inside it, so both are searched. */
function outputDir(): { dir: string; env: NodeJS.ProcessEnv } {
  const dir = mkdtempSync(join(tmpdir(), 'boca-secrets-'));
  dirs.push(dir);
  return { dir, env: { ...env, GITHUB_STEP_SUMMARY: join(dir, 'step-summary.md') } };
}

/** Every leak in the process output and the files under `dir`. */
function leaks(output: Buffer, dir: string): string[] {
  return [
    ...findSecrets(output, secrets, 'stdout/stderr'),
    ...filesUnder(dir).flatMap((file) => findSecrets(file.bytes, secrets, file.path)),
    // A fragment is a leak too, whatever the encoding around it.
    ...(output.includes('TOPSECRET') ? ['stdout/stderr: TOPSECRET'] : []),
    ...filesUnder(dir).filter((f) => f.bytes.includes('TOPSECRET')).map((f) => `${f.path}: TOPSECRET`),
  ];
}

async function runCli(args: string[]) {
  const { dir, env: runEnv } = outputDir();
  const run = spawnCli([...args, '--reports', dir], { env: runEnv });
  const exit = await run.exited;
  return { exit, run, dir, files: filesUnder(dir) };
}

describe('secrets never reach the output', () => {
  it('the search finds a secret in each encoding it claims to search', () => {
    for (const secret of secrets) {
      for (const sample of [
        secret,
        Buffer.from(`pk:${secret}`).toString('base64'),
        Buffer.from(`xy${secret}`).toString('base64url'),
        Buffer.from(secret).toString('hex').toUpperCase(),
        `https://x.test/?s=${encodeURIComponent(secret)}`,
      ]) {
        expect(findSecrets(Buffer.from(`before ${sample} after`), [secret], 'sample'), sample).not.toEqual([]);
      }
    }
  });

  it('conformance, passing: every check with both partners', async () => {
    const { exit, run, dir, files } = await runCli(['conformance', '--target', healthy.url, ...limitArgs, '--runs', '3', '--seed', '5']);
    expect(exit.code, run.stdout() + run.stderr()).toBe(0);
    for (const name of ['summary.json', 'summary.md', 'report.html', 'junit.xml', 'step-summary.md']) expect(files.some((f) => f.path.endsWith(name)), name).toBe(true);
    expect(leaks(run.bytes(), dir)).toEqual([]);
  });

  it('conformance, failing: the failures, their curl commands and replay commands', async () => {
    const { exit, run, dir, files } = await runCli(['conformance', '--target', faulty.url, ...limitArgs, '--only', failingChecks, '--runs', '3', '--seed', '5']);
    expect(exit.code, run.stdout() + run.stderr()).toBe(1);
    // The output does hold signed reproductions: the search had something to look through.
    expect(run.stdout()).toMatch(/curl -sS -i .*X-Request-Signature/s);
    expect(files.find((f) => f.path.endsWith('summary.json'))!.bytes.toString()).toMatch(/"curl":/);
    expect(leaks(run.bytes(), dir)).toEqual([]);

    // Replaying one of those failures (in-process) prints a freshly signed curl command.
    const id = /boca-harness replay (\S+)/.exec(run.stdout())![1]!;
    const replayDir = outputDir();
    const io = captureIo(replayDir.env);
    const code = await main(['replay', id, '--target', faulty.url, ...limitArgs, '--reports', replayDir.dir], io);
    expect(code, io.out() + io.err()).toBe(1);
    expect(io.out()).toMatch(/curl -sS -i /);
    expect(leaks(Buffer.from(io.out() + io.err()), replayDir.dir)).toEqual([]);
  });

  it('load: a short throughput run', async () => {
    const { exit, run, dir, files } = await runCli(['load', '--scenario', 'throughput', '--target', healthy.url, '--rate', '50', '--duration', '1s', '--rate-limit', '200/s', '--workers', '0']);
    expect(exit.code, run.stdout() + run.stderr()).toBe(0);
    expect(files.some((f) => f.path.endsWith('load.json'))).toBe(true);
    expect(leaks(run.bytes(), dir)).toEqual([]);
  });

  it('certify: conformance and both load parts', async () => {
    const { exit, run, dir, files } = await runCli(['certify', '--target', healthy.url, ...limitArgs, '--runs', '2', '--duration', '1']);
    // Whether one-second phases certify is not the point here; the run must finish and write its reports.
    expect([0, 1], run.stdout() + run.stderr()).toContain(exit.code);
    expect(files.some((f) => f.path.endsWith('certification.json'))).toBe(true);
    expect(leaks(run.bytes(), dir)).toEqual([]);
  });
});
