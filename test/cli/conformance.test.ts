import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { startSandbox, type StartedSandbox } from '../../src/sandbox/index.js';
import { captureIo } from './capture-io.js';

const sandboxes: StartedSandbox[] = [];
afterEach(async () => {
  for (const sandbox of sandboxes.splice(0)) await sandbox.close();
});

const reportsDir = () => mkdtempSync(join(tmpdir(), 'boca-reports-'));
const onlyRunDir = (dir: string) => join(dir, readdirSync(dir)[0]!);

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('boca-harness conformance', () => {
  it('checks the embedded sandbox, exits 0 and writes the four reports', async () => {
    const dir = reportsDir();
    const io = captureIo({});
    const code = await main(['conformance', '--only', 'valid-user-created', '--runs', '5', '--seed', '7', '--reports', dir], io);
    expect(code, io.out() + io.err()).toBe(0);
    const run = onlyRunDir(dir);
    for (const file of ['junit.xml', 'summary.json', 'summary.md', 'report.html']) expect(existsSync(join(run, file))).toBe(true);
    const summary = JSON.parse(readFileSync(join(run, 'summary.json'), 'utf8'));
    expect(summary.complete).toBe(true);
    expect(summary.seed).toBe(7);
    expect(io.out()).toMatch(/valid-user-created/);
  });

  it('exits 1 against a sandbox started with a fault, naming the check, its section and the reproduction', async () => {
    const sandbox = await startSandbox({ faults: ['server-error-on-unicode-name'] });
    sandboxes.push(sandbox);
    const [partner] = sandbox.partners;
    const io = captureIo({ BOCA_API_KEY: partner!.apiKey, BOCA_API_SECRET: partner!.secret });
    const code = await main(['conformance', '--target', sandbox.url, '--only', 'valid-user-created', '--reports', reportsDir(), '--rate-limit', '50/s'], io);
    expect(code, io.out() + io.err()).toBe(1);
    expect(io.out()).toMatch(/valid-user-created/);
    expect(io.out()).toMatch(/§5/);
    expect(io.out()).toMatch(/boca-harness replay valid-user-created@\d+:/);
    expect(io.out()).toMatch(/curl -sS -i .*-X POST/);
    expect(io.out() + io.err()).not.toContain(partner!.secret);
  });

  it('exits 2 with a clear message when the target is unreachable', async () => {
    const port = await closedPort();
    const io = captureIo({ BOCA_API_KEY: 'pk', BOCA_API_SECRET: 'sk' });
    const code = await main(['conformance', '--target', `http://127.0.0.1:${port}`, '--reports', reportsDir()], io);
    expect(code).toBe(2);
    expect(io.err()).toMatch(/Cannot reach the target http:\/\/127\.0\.0\.1:\d+\/: connection-refused/);
    expect(io.err()).not.toMatch(/\n\s+at /);
  });

  it('exits 2 for a target without credentials, an unknown check and a bad seed', async () => {
    for (const [argv, message] of [
      [['conformance', '--target', 'http://127.0.0.1:1'], /BOCA_API_KEY and BOCA_API_SECRET/],
      [['conformance', '--only', 'no-such-check'], /--only no-such-check matches no check/],
      [['conformance', '--seed', 'abc'], /--seed abc: expected an integer/],
      [['conformance', '--runs', '0'], /--runs 0: expected a whole number from 1/],
    ] as const) {
      const io = captureIo({});
      expect(await main([...argv], io)).toBe(2);
      expect(io.err()).toMatch(message);
    }
  });

  it('stops on Ctrl-C, writes reports marked incomplete and exits 130', async () => {
    const dir = reportsDir();
    const io = captureIo({});
    const running = main(['conformance', '--only', 'valid-user-created', '--runs', '100000', '--reports', dir], io);
    setTimeout(() => io.abort(), 500);
    expect(await running).toBe(130);
    const summary = JSON.parse(readFileSync(join(onlyRunDir(dir), 'summary.json'), 'utf8'));
    expect(summary.complete).toBe(false);
    expect(io.err()).toMatch(/interrupted/);
  });

  it('lists the checks', async () => {
    const io = captureIo({});
    expect(await main(['conformance', '--list'], io)).toBe(0);
    expect(io.out()).toMatch(/§5 valid-user-created/);
  });
});
