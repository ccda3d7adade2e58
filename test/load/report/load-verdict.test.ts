import { describe, expect, it } from 'vitest';
import { loadVerdict } from '../../../src/load/report/load-verdict.js';
import { sampleLoadSummary } from './sample-load-summary.js';

describe('loadVerdict', () => {
  it('passes a healthy rate-limit run', () => {
    const summary = sampleLoadSummary();
    expect(summary.rateLimit.acceptedToDeclaredRatio).toBeGreaterThan(0.95);
    expect(loadVerdict(summary)).toEqual({ outcome: 'passed', findings: [], headline: 'PASSED: no finding, 2 thresholds met' });
  });

  it('names every finding', () => {
    const base = sampleLoadSummary();
    const summary = sampleLoadSummary({
      thresholds: [{ metric: 'http_req_duration{status:201}', expression: 'p(99)<5', passed: false, observed: 11.94 }],
      checks: [{ name: 'every key maps to exactly one user', passed: false, detail: 'key k-3 maps to 2 users' }],
      rateLimit: {
        ...base.rateLimit,
        acceptedRateAboveLimit: 98,
        acceptedToDeclaredRatio: 1.96,
        retryAfterMissing: 2,
        retryAfterHonesty: { waitedRequests: 10, throttledAfterWaiting: 3 },
        headerCoherence: { present: true, checked: 100, incoherent: 4, examples: [] },
      },
    });
    const verdict = loadVerdict(summary);
    expect(verdict.outcome).toBe('failed');
    expect(verdict.headline).toBe('FAILED: 6 findings');
    expect(verdict.findings).toEqual([
      'Threshold http_req_duration{status:201} p(99)<5 failed (observed 11.94).',
      'Check "every key maps to exactly one user" failed: key k-3 maps to 2 users.',
      'The target accepted 98/s above its limit, 1.960× the declared 50/s (±5 % allowed, contract §6).',
      '2 429 answers without a valid Retry-After (contract §6).',
      '3 of 10 requests sent after waiting out Retry-After were throttled again (contract §6).',
      '4 of 100 responses carried rate-limit headers incoherent with what happened (contract §6).',
    ]);
  });

  it('requires the accepted rate of a rate-limit run, not of a throughput run', () => {
    const { acceptedRateAboveLimit: _a, acceptedToDeclaredRatio: _r, ...rateLimit } = sampleLoadSummary().rateLimit;
    expect(loadVerdict(sampleLoadSummary({ rateLimit })).findings).toEqual([
      'The accepted rate above the limit could not be measured: the offered load never stayed above the declared limit long enough past the burst.',
    ]);
    expect(loadVerdict(sampleLoadSummary({ scenario: 'throughput', rateLimit })).outcome).toBe('passed');
  });

  it('is inconclusive when the run is incomplete or invalid without a finding, failed when there is one', () => {
    expect(loadVerdict(sampleLoadSummary({ complete: false, valid: false })).headline).toBe(
      'INCONCLUSIVE: no finding, but the figures cannot be trusted (invalid run, incomplete run)',
    );
    const failing = sampleLoadSummary({ complete: false, thresholds: [{ metric: 'http_reqs', expression: 'count>1e9', passed: false }] });
    expect(loadVerdict(failing).headline).toBe('FAILED: 1 finding (incomplete run)');
  });
});
