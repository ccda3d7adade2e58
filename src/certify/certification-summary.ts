/**
 * `boca-harness certify`: conformance, the rate-limit scenario and a short
 * throughput run, judged together. Certified only if every part passed and
 * both load runs were valid (the generator kept up) and complete.
 */
import type { RunSummary } from '../checks/failure.js';
import type { LoadSummary } from '../load/load-summary.js';
import { loadVerdict, type LoadVerdict } from '../load/report/load-verdict.js';
import { runVerdict } from '../report/run-verdict.js';

export type CertificationPartName = 'conformance' | 'rate-limit' | 'throughput';

export interface CertificationPart {
  readonly name: CertificationPartName;
  /** e.g. `Rate limit`. */
  readonly title: string;
  /** The part's own outcome: a conformance `RunOutcome` or a `LoadOutcome`. */
  readonly outcome: 'passed' | 'failed' | 'errored' | 'inconclusive';
  /** Passed and, for conformance, complete. */
  readonly passed: boolean;
  /** The part's own headline, e.g. `PASSED: 6 of 6 checks passed`. */
  readonly headline: string;
}

export interface CertificationVerdict {
  readonly certified: boolean;
  /** e.g. `NOT CERTIFIED: conformance failed; rate limit inconclusive`. */
  readonly headline: string;
  /** Conformance, rate limit, throughput, in that order. */
  readonly parts: readonly CertificationPart[];
}

export interface CertificationSummary {
  readonly runId: string;
  readonly target: string;
  /** ISO 8601. */
  readonly startedAt: string;
  readonly durationMs: number;
  readonly conformance: RunSummary;
  /** The `rate-limit` scenario's run. */
  readonly rateLimit: LoadSummary;
  /** The short `throughput` run. */
  readonly throughput: LoadSummary;
  readonly verdict: CertificationVerdict;
}

/** The rate-limit part must measure the accepted rate, whatever its scenario is called. */
export const rateLimitPartVerdict = (summary: LoadSummary): LoadVerdict => loadVerdict(summary, { requireRateLimitAccuracy: true });
export const throughputPartVerdict = (summary: LoadSummary): LoadVerdict => loadVerdict(summary);

/** Judges the three parts (see `CertificationSummary`). */
export function certificationVerdict(parts: Pick<CertificationSummary, 'conformance' | 'rateLimit' | 'throughput'>): CertificationVerdict {
  const conformance = runVerdict(parts.conformance);
  const rateLimit = rateLimitPartVerdict(parts.rateLimit);
  const throughput = throughputPartVerdict(parts.throughput);
  const judged: CertificationPart[] = [
    { name: 'conformance', title: 'Conformance', outcome: conformance.outcome, passed: conformance.outcome === 'passed' && parts.conformance.complete, headline: conformance.headline },
    { name: 'rate-limit', title: 'Rate limit', outcome: rateLimit.outcome, passed: rateLimit.outcome === 'passed', headline: rateLimit.headline },
    { name: 'throughput', title: 'Throughput', outcome: throughput.outcome, passed: throughput.outcome === 'passed', headline: throughput.headline },
  ];
  const certified = judged.every((p) => p.passed);
  const notPassed = judged.filter((p) => !p.passed).map((p) => `${p.title.toLowerCase()} ${p.outcome === 'passed' ? 'incomplete' : p.outcome}`);
  const headline = certified ? 'CERTIFIED: conformance, rate limit and throughput all passed' : `NOT CERTIFIED: ${notPassed.join('; ')}`;
  return { certified, headline, parts: judged };
}

/** A CertificationSummary with its verdict computed from the parts. */
export function createCertificationSummary(input: Omit<CertificationSummary, 'verdict'>): CertificationSummary {
  return { ...input, verdict: certificationVerdict(input) };
}
