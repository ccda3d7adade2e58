/** RateLimit header coherence (contract §6: "when present they must be coherent with what happens"). */
import type { RateLimitAnalysis } from '../load-summary.js';
import type { ResponseObservation } from '../response-observation.js';
import { rateLimitTolerance, type DeclaredLimit } from './declared-limit.js';
import { rateLimitHeaderValues, type RateLimitHeaderValues } from './rate-limit-header-values.js';

/** At most this many examples are kept, one per kind of problem first. */
const maxExamples = 5;

/**
 * What is wrong with one response's rate-limit headers: remaining negative;
 * a 429 that says requests remain; a policy quota whose rate (quota / window)
 * is not the declared rate within ±5 % (a policy that names the bucket's
 * burst as its quota, `q = burst`, may understate the rate: it is the
 * sandbox's encoding and never promises more than the limit allows).
 */
export function headerProblems(status: number, values: RateLimitHeaderValues, declared: DeclaredLimit | undefined): string[] {
  const problems: string[] = [];
  if (values.remaining !== undefined && values.remaining < 0) problems.push(`${values.remainingFrom} remaining is negative (${values.remaining})`);
  if (status === 429 && values.remaining !== undefined && values.remaining > 0) problems.push(`429 while ${values.remainingFrom} says ${values.remaining} remaining`);
  if (declared && values.quota !== undefined && values.windowSeconds !== undefined && values.windowSeconds > 0) {
    const rate = declared.requestsPerSecond;
    const policyRate = values.quota / values.windowSeconds;
    const close = Math.abs(policyRate - rate) <= rate * rateLimitTolerance;
    const burstEncoding = values.quota === declared.burst && policyRate <= rate * (1 + rateLimitTolerance);
    if (!close && !burstEncoding) {
      problems.push(
        `${values.quotaFrom} allows ${values.quota} per ${values.windowSeconds} s (${+policyRate.toFixed(2)}/s) but the declared limit is ${rate}/s` +
          (declared.burst !== undefined ? ` (burst ${declared.burst})` : ''),
      );
    }
  }
  return problems;
}

const headerText = (headers: Readonly<Record<string, string>>): string =>
  Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}`)
    .join('; ');

/**
 * Checks every observation that carries rate-limit headers with
 * `headerProblems`. `checked` counts those observations, `incoherent` the
 * ones with at least one problem; `examples` keeps a few, each with the
 * status, the time since `startMs` (epoch ms) and the raw headers.
 */
export function headerCoherence(
  observations: readonly ResponseObservation[],
  declared: DeclaredLimit | undefined,
  startMs: number,
): NonNullable<RateLimitAnalysis['headerCoherence']> {
  let checked = 0;
  let incoherent = 0;
  const examples: string[] = [];
  const kindsSeen = new Set<string>();
  const later: string[] = [];
  for (const o of observations) {
    if (!o.rateLimitHeaders || Object.keys(o.rateLimitHeaders).length === 0) continue;
    checked++;
    const problems = headerProblems(o.status, rateLimitHeaderValues(o.rateLimitHeaders), declared);
    if (problems.length === 0) continue;
    incoherent++;
    const example = `${o.status} at ${((o.receivedAtMs - startMs) / 1000).toFixed(3)} s: ${problems.join('; ')} (${headerText(o.rateLimitHeaders)})`;
    const kind = problems.map((p) => p.replace(/-?\d+(\.\d+)?/g, '#')).join('|');
    if (!kindsSeen.has(kind) && examples.length < maxExamples) {
      kindsSeen.add(kind);
      examples.push(example);
    } else if (later.length < maxExamples) later.push(example);
  }
  return { present: checked > 0, checked, incoherent, examples: [...examples, ...later].slice(0, maxExamples) };
}
