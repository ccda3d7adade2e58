import { mkdtempSync } from 'node:fs';
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

async function target(faults: string[]) {
  const sandbox = await startSandbox({ faults });
  sandboxes.push(sandbox);
  const [partner] = sandbox.partners;
  return { url: sandbox.url, env: { BOCA_API_KEY: partner!.apiKey, BOCA_API_SECRET: partner!.secret } };
}

describe('boca-harness replay', () => {
  it('reproduces a counterexample from its failure id alone, freshly signed, and not on a healthy target', async () => {
    const reports = mkdtempSync(join(tmpdir(), 'boca-replay-'));
    const faulty = await target(['server-error-on-unicode-name']);
    const first = captureIo(faulty.env);
    expect(await main(['conformance', '--target', faulty.url, '--only', 'valid-user-created', '--seed', '11', '--reports', reports], first)).toBe(1);
    const id = /boca-harness replay (\S+)/.exec(first.out())![1]!;

    const again = captureIo(faulty.env);
    expect(await main(['replay', id, '--target', faulty.url, '--reports', reports], again), again.out()).toBe(1);
    expect(again.out()).toContain(`Replaying valid-user-created (seed 11`);
    expect(again.out()).toMatch(/valid-user-created.*1 req/);

    const healthy = await target([]);
    const fixed = captureIo(healthy.env);
    expect(await main(['replay', id, '--target', healthy.url, '--reports', reports], fixed), fixed.out()).toBe(0);
  });

  it('refuses ids it cannot read', async () => {
    for (const [argv, message] of [
      [['replay'], /needs a FAILURE_ID/],
      [['replay', 'Not An Id'], /is not a failure id/],
      [['replay', 'no-such-check@1:2'], /No check "no-such-check"/],
      [['replay', 'valid-user-created'], /is a property: give its seed and path/],
    ] as const) {
      const io = captureIo({});
      expect(await main([...argv], io)).toBe(2);
      expect(io.err()).toMatch(message);
    }
  });
});
