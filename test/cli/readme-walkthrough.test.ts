/**
 * The README's "Talk to the sandbox by hand" table, run for real: each
 * command appears verbatim in the README, and each provokes its answer from
 * a sandbox started with `boca-harness serve` (the built CLI, as a user runs it).
 * The only change: a boca.config.json in the working directory points the
 * commands at this test's sandbox port instead of 8787.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const cli = join(root, 'bin', 'boca-harness.js');
const env = { ...process.env, BOCA_API_KEY: 'pk_sandbox_partner1', BOCA_API_SECRET: 'sk_sandbox_partner1_do_not_use_in_production' };

let dir: string;
const servers: ChildProcess[] = [];

async function serve(...args: string[]): Promise<string> {
  const child = spawn(process.execPath, [cli, 'serve', '--port', '0', ...args], { cwd: dir, env });
  servers.push(child);
  const lines = createInterface({ input: child.stdout! });
  for await (const line of lines) {
    const match = /listening on (http:\/\/\S+)/.exec(line);
    if (match) return match[1]!;
  }
  throw new Error('serve exited before listening');
}

/** Runs a README command through sh, as a user would (npx resolved to the built CLI), and returns the HTTP status lines. */
function run(command: string, extraEnv: Record<string, string> = {}): string[] {
  expect(readme).toContain(command.replaceAll('|', '\\|'));
  const shell = command.replaceAll('npx boca-harness', `node ${cli}`);
  const output = execFileSync('sh', ['-c', shell], { cwd: dir, env: { ...env, ...extraEnv }, encoding: 'utf8' });
  if (process.env.DEBUG_README) console.log(shell, output);
  return [...output.matchAll(/HTTP\/1\.1 (\d{3})/g)].map((m) => m[1]!);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'boca-readme-'));
  cpSync(join(root, 'examples'), join(dir, 'examples'), { recursive: true });
  const url = await serve();
  writeFileSync(join(dir, 'boca.config.json'), JSON.stringify({ target: url }));
});

afterAll(() => {
  for (const child of servers) child.kill('SIGINT');
});

describe('README walkthrough against `boca-harness serve`', () => {
  it('201, then 409 for the same externalId', () => {
    const create = 'npx boca-harness sign --body examples/create-user.json --curl | sh';
    expect(run(create)).toEqual(['201']);
    expect(run(create)).toEqual(['409']);
  });

  it('400 for invalid fields', () => {
    expect(run('npx boca-harness sign --body examples/invalid-fields.json --curl | sh')).toEqual(['400']);
  });

  it('401 for a stale timestamp and for a wrong secret', () => {
    expect(run('npx boca-harness sign --body examples/create-user.json --timestamp 2020-01-01T00:00:00Z --curl | sh')).toEqual(['401']);
    expect(run('npx boca-harness sign --body examples/create-user.json --curl | sh', { BOCA_API_SECRET: 'wrong' })).toEqual(['401']);
  });

  it('422 for a minor', () => {
    expect(run('npx boca-harness sign --body examples/minor.json --curl | sh')).toEqual(['422']);
  });

  it('201, its replay, then 422 for the key reused with another body', () => {
    const key = { K: '0d5f8f8e-3c43-4c1b-9d0a-7a1f0c3e2b11' };
    const first = 'npx boca-harness sign --body examples/create-user-2.json --idempotency-key $K --curl | sh';
    expect(run(first, key)).toEqual(['201']);
    expect(run(first, key)).toEqual(['201']);
    expect(run(first.replace('create-user-2.json', 'create-user.json'), key)).toEqual(['422']);
  });

  it('429 once the limit is spent', async () => {
    const url = await serve('--rate-limit', '1/m', '--burst', '1');
    writeFileSync(join(dir, 'boca.config.json'), JSON.stringify({ target: url }));
    const statuses = run('for i in 1 2 3; do npx boca-harness sign --body examples/create-user-2.json --curl | sh; done');
    expect(statuses[0]).toMatch(/^(201|409)$/);
    expect(statuses.slice(1)).toEqual(['429', '429']);
  });
});
