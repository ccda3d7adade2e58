/**
 * The metrics thresholds are evaluated on, kept per threshold key so tag
 * filters (k6 sub-metrics such as `http_req_duration{status:201}`) are
 * honoured: every sample is added to each sink of its metric whose filter
 * its tags match. Trends keep a µs-resolution histogram of value × 1000
 * (their values are ms for time metrics); states are plain data, merged
 * exactly across worker threads.
 */
import { parseThresholdKey, tagsMatch, type ThresholdKey } from '../k6-options/threshold-key.js';
import type { MetricValue, MetricValues } from '../k6-options/thresholds.js';
import { createHistogram, mergeInto, percentile, record, type Histogram } from './histogram.js';

export type MetricKind = 'trend' | 'counter' | 'rate' | 'gauge';

export interface SinkState {
  kind?: MetricKind;
  readonly histogram: Histogram;
  /** Counter: sum of values; rate: samples. */
  sum: number;
  passes: number;
  fails: number;
  gauge?: { value: number; atMs: number };
}

export interface SinkKey extends ThresholdKey {
  readonly key: string;
}

/** The sinks of the thresholds' keys (unparseable keys are left out; validation reports them). */
export function sinkKeys(thresholdKeys: readonly string[]): SinkKey[] {
  return thresholdKeys.flatMap((key) => {
    const parsed = parseThresholdKey(key);
    return 'problem' in parsed ? [] : [{ key, ...parsed }];
  });
}

export const createSinkStates = (keys: readonly SinkKey[]): SinkState[] => keys.map(() => ({ histogram: createHistogram(), sum: 0, passes: 0, fails: 0 }));

/** Adds one sample of `metric` to the sinks whose metric and tag filter it matches. */
export function addSample(keys: readonly SinkKey[], states: SinkState[], metric: string, kind: MetricKind, value: number, tags: Readonly<Record<string, string>>, atMs: number): void {
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    if (key.metric !== metric || !tagsMatch(key.tags, tags)) continue;
    const state = states[i]!;
    state.kind ??= kind;
    if (kind === 'trend') record(state.histogram, value * 1000);
    else if (kind === 'counter') state.sum += value;
    else if (kind === 'rate') {
      if (value) state.passes++;
      else state.fails++;
    } else if (!state.gauge || atMs >= state.gauge.atMs) state.gauge = { value, atMs };
  }
}

export function mergeSinkStates(into: SinkState[], from: readonly SinkState[]): SinkState[] {
  from.forEach((state, i) => {
    const target = into[i]!;
    target.kind ??= state.kind;
    mergeInto(target.histogram, state.histogram);
    target.sum += state.sum;
    target.passes += state.passes;
    target.fails += state.fails;
    if (state.gauge && (!target.gauge || state.gauge.atMs >= target.gauge.atMs)) target.gauge = state.gauge;
  });
  return into;
}

function metricValue(state: SinkState, durationMs: number): MetricValue {
  const h = state.histogram;
  switch (state.kind) {
    case 'trend':
      return { type: 'trend', count: h.count, avg: h.count ? h.sum / h.count / 1000 : 0, min: h.count ? h.min / 1000 : 0, max: h.count ? h.max / 1000 : 0, percentile: (p) => percentile(h, p) / 1000 };
    case 'counter':
      return { type: 'counter', count: state.sum, rate: durationMs > 0 ? state.sum / (durationMs / 1000) : 0 };
    case 'rate': {
      const total = state.passes + state.fails;
      return { type: 'rate', rate: total ? state.passes / total : 0, passes: state.passes, fails: state.fails };
    }
    case 'gauge':
      return { type: 'gauge', value: state.gauge?.value ?? 0 };
    default:
      return { type: 'empty' };
  }
}

/** The values `evaluateThresholds` reads, by threshold key; counter rates are per second of `durationMs`. */
export function metricValues(keys: readonly SinkKey[], states: readonly SinkState[], durationMs: number): MetricValues {
  return Object.fromEntries(keys.map((key, i) => [key.key, metricValue(states[i]!, durationMs)]));
}
