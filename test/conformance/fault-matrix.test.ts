/**
 * Proof that the checks can fail (issue 3): every fault of the sandbox makes
 * at least one check of its own contract section fail, and every check is
 * made to fail by at least one fault. Runs the whole suite once per fault.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { rateLimitDiscovery } from '../../src/checks/catalogue/rate-limit-discovery.js';
import { checkCatalogue } from '../../src/checks/registry.js';
import { rateLimitFaultSetup, runAgainstEmbeddedSandbox, runFaultMatrix, type FaultVerdict } from '../../src/conformance/fault-matrix.js';
import { faultCatalogue } from '../../src/sandbox/faults/index.js';

let verdicts: FaultVerdict[];
const signal = new AbortController().signal;

beforeAll(async () => {
  verdicts = await runFaultMatrix({ checks: checkCatalogue, faults: faultCatalogue, runs: 25, seed: 20261203, signal, concurrency: 4 });
}, 1_800_000);

describe('the fault matrix', () => {
  it.each(faultCatalogue.map((f) => [f.name, f.section] as const))('%s (%s) is detected by a check of its section', (name, section) => {
    const verdict = verdicts.find((v) => v.fault.name === name)!;
    const detail = verdict.detectedBy.map((d) => `${d.checkId} ${d.section}`).join(', ') || 'no check failed';
    expect(verdict.detected, `${name} (${section}) detected by: ${detail}`).toBe(true);
    expect(verdict.errored, `${name}: errored checks`).toEqual([]);
  });

  it('makes every check fail for at least one fault (a check that cannot fail is not a check)', () => {
    const fired = new Set(verdicts.flatMap((v) => v.detectedBy.map((d) => d.checkId)));
    // Discovery only runs without a declared limit; the next test makes it fail.
    const silent = checkCatalogue.filter((c) => c !== rateLimitDiscovery && !fired.has(c.id)).map((c) => c.id);
    expect(silent).toEqual([]);
  });

  it('fails rate-limit discovery (no declared limit) on a target whose 429s lack Retry-After, and only reports on a healthy one', async () => {
    const run = (faults: string[]) =>
      runAgainstEmbeddedSandbox({ checks: [rateLimitDiscovery], faults, runs: 1, seed: 1, signal, setup: { ...rateLimitFaultSetup, rateLimit: 'auto' } });
    const faulty = await run(['retry-after-missing']);
    expect(faulty.checks[0]!.status).toBe('failed');
    expect(faulty.checks[0]!.section).toBe('§6');
    const healthy = await run([]);
    expect(healthy.checks[0]!.status).toBe('skipped');
    expect(healthy.checks[0]!.reason).toMatch(/discovered/);
  }, 120_000);
});
