/**
 * No false positives (issue 5): the whole suite passes against the sandbox
 * with each variant on, every variant being a legitimate way to keep the
 * contract (one of its MAYs). One modest run per variant here; the
 * five-repeat figure comes from `npm run self-test`.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { checkCatalogue } from '../../src/checks/registry.js';
import { runFalsePositiveRuns, type VariantVerdict } from '../../src/conformance/false-positive-runs.js';
import { variantCatalogue } from '../../src/sandbox/variants/index.js';

let verdicts: VariantVerdict[];

beforeAll(async () => {
  verdicts = await runFalsePositiveRuns({
    checks: checkCatalogue,
    variants: variantCatalogue,
    repeats: 1,
    runs: 15,
    seed: 20261204,
    signal: new AbortController().signal,
    concurrency: 4,
  });
}, 600_000);

describe('the suite on every sandbox variant', () => {
  it.each(variantCatalogue.map((v) => [v.name, v.section] as const))('%s (%s): every check passes or skips', (name) => {
    const verdict = verdicts.find((v) => v.variant.name === name)!;
    expect(verdict.runs).toHaveLength(1);
    expect(verdict.runs[0]!.complete).toBe(true);
    expect(verdict.falsePositives.map((fp) => `${fp.checkId} ${fp.status}: ${fp.message}`)).toEqual([]);
  });

  it('ran the whole catalogue on each variant', () => {
    for (const verdict of verdicts) expect(verdict.runs[0]!.requests, verdict.variant.name).toBeGreaterThan(1000);
  });
});
