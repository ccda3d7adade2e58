/** The metric samples every scenario records for a response: accepted, throttled, unexpected. */
import type { MetricSample } from '../scenario-definition.js';

/** Custom metrics of `statusSamples`, for `DeclaredScenario.metrics`. */
export const statusMetrics = {
  /** 2xx answers (Counter). */
  accepted: 'counter',
  /** 429 answers (Counter). */
  throttled: 'counter',
  /** Statuses the scenario does not expect, transport errors (status 0) included (Counter). */
  unexpected_status: 'counter',
} as const;

/**
 * One sample per response: `accepted` for 2xx, `throttled` for 429,
 * `unexpected_status` for anything not in `expected` (2xx and 429 are always
 * expected). Counters are only ever incremented, so a run with no surprises
 * still records `unexpected_status` (value 0) and its threshold is evaluated.
 */
export function statusSamples(status: number, expected: readonly number[] = []): MetricSample[] {
  if (status >= 200 && status < 300) return [{ metric: 'accepted', kind: 'counter', value: 1 }, { metric: 'unexpected_status', kind: 'counter', value: 0 }];
  if (status === 429) return [{ metric: 'throttled', kind: 'counter', value: 1 }, { metric: 'unexpected_status', kind: 'counter', value: 0 }];
  return [{ metric: 'unexpected_status', kind: 'counter', value: expected.includes(status) ? 0 : 1 }];
}
