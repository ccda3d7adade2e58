import { describe, expect, it } from 'vitest';
import { certificationVerdict } from '../../src/certify/certification-summary.js';
import { sampleLoadSummary } from '../load/report/sample-load-summary.js';
import { passingConformance, sampleCertification, sampleThroughputSummary } from './sample-certification.js';

describe('certificationVerdict', () => {
  it('certifies when every part passed', () => {
    const { verdict } = sampleCertification({ conformance: passingConformance() });
    expect(verdict.certified).toBe(true);
    expect(verdict.headline).toBe('CERTIFIED: conformance, rate limit and throughput all passed');
    expect(verdict.parts.map((p) => [p.name, p.outcome, p.passed])).toEqual([
      ['conformance', 'passed', true],
      ['rate-limit', 'passed', true],
      ['throughput', 'passed', true],
    ]);
  });

  it('does not certify a conformance failure', () => {
    const { verdict } = sampleCertification();
    expect(verdict.certified).toBe(false);
    expect(verdict.headline).toBe('NOT CERTIFIED: conformance failed');
    expect(verdict.parts[0]!.headline).toMatch(/^FAILED: 2 of \d+ checks failed/);
  });

  it('does not certify an invalid or incomplete load run, nor an incomplete conformance run', () => {
    const conformance = passingConformance();
    expect(
      certificationVerdict({ conformance, rateLimit: sampleLoadSummary({ valid: false, invalidReasons: ['event-loop lag'] }), throughput: sampleThroughputSummary({ complete: false }) }).headline,
    ).toBe('NOT CERTIFIED: rate limit inconclusive; throughput inconclusive');
    expect(certificationVerdict({ conformance: { ...conformance, complete: false }, rateLimit: sampleLoadSummary(), throughput: sampleThroughputSummary() }).headline).toBe(
      'NOT CERTIFIED: conformance incomplete',
    );
  });

  it('requires the rate-limit part to measure the accepted rate, whatever the scenario is called', () => {
    const { acceptedRateAboveLimit: _a, acceptedToDeclaredRatio: _r, ...rateLimit } = sampleLoadSummary().rateLimit;
    const { verdict } = sampleCertification({ conformance: passingConformance(), rateLimit: sampleLoadSummary({ scenario: 'my-limits', rateLimit }) });
    expect(verdict.parts[1]).toMatchObject({ outcome: 'failed', passed: false });
  });
});
