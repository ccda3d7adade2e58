/** No false positives on the reference server: five full runs with different seeds, zero failures (issue 3). */
import { describe, expect, it } from 'vitest';
import { checkCatalogue } from '../../src/checks/registry.js';
import { runAgainstEmbeddedSandbox } from '../../src/conformance/fault-matrix.js';

describe('the healthy sandbox', () => {
  it.concurrent.each([1, 2, 3, 4, 5])('passes every check (run %i)', async (run) => {
    const summary = await runAgainstEmbeddedSandbox({ checks: checkCatalogue, faults: [], runs: 50, seed: 1000 + run, signal: new AbortController().signal });
    const problems = summary.checks
      .filter((r) => r.status === 'failed' || r.status === 'errored')
      .map((r) => `${r.checkId}: ${r.status} ${r.failures[0]?.message ?? r.reason ?? ''}`);
    expect(problems).toEqual([]);
    expect(summary.checks).toHaveLength(checkCatalogue.length);
  }, 120_000);
});
