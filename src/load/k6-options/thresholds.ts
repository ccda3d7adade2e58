/**
 * k6 threshold expressions (`p(99)<500`, `avg<200`, `rate<0.01`, `count>0`,
 * `max<=1000`, `value==1`) parsed and evaluated on a run's metric values,
 * with k6's aggregations per metric type: Trend `avg min max med p(N)`,
 * Counter `count rate`, Rate `rate`, Gauge `value`. Trend values are ms.
 */
import type { Options } from 'k6/options';
import type { ThresholdResult } from '../load-summary.js';

export type ThresholdOperator = '<' | '<=' | '>' | '>=' | '==' | '===' | '!=';
export type ThresholdAggregation = 'avg' | 'min' | 'max' | 'med' | 'p' | 'count' | 'rate' | 'value';

export interface ParsedThreshold {
  readonly aggregation: ThresholdAggregation;
  /** For `p(N)`: N, 0..100. */
  readonly percentile?: number;
  readonly operator: ThresholdOperator;
  readonly value: number;
}

/** A metric's aggregated values; a trend answers any percentile (0..100). */
export type MetricValue =
  | { readonly type: 'trend'; readonly count: number; readonly avg: number; readonly min: number; readonly max: number; percentile(p: number): number }
  | { readonly type: 'counter'; readonly count: number; readonly rate: number }
  | { readonly type: 'rate'; readonly rate: number; readonly passes: number; readonly fails: number }
  | { readonly type: 'gauge'; readonly value: number }
  /** A metric (or sub-metric) that received no sample: every aggregation reads 0, as in k6. */
  | { readonly type: 'empty' };

/** Metric values by threshold key, exactly as written in `options.thresholds` (e.g. `http_req_duration{status:201}`). */
export type MetricValues = Readonly<Record<string, MetricValue>>;

const pattern = /^\s*(avg|min|max|med|count|rate|value|p\(\s*([0-9]+(?:\.[0-9]+)?)\s*\))\s*(===|==|!=|<=|>=|<|>)\s*(-?[0-9]+(?:\.[0-9]+)?(?:e[-+]?\d+)?)\s*$/i;

/** Parses one k6 threshold expression; throws an Error whose message says what is wrong. */
export function parseThreshold(expression: string): ParsedThreshold {
  const match = pattern.exec(expression);
  if (!match) {
    throw new Error(`"${expression}" is not a k6 threshold: expected <aggregation> <operator> <number>, e.g. "p(99)<500", "rate<0.01", "count>0" (aggregations avg, min, max, med, p(N), count, rate, value; operators < <= > >= == === !=)`);
  }
  const head = match[1]!.toLowerCase();
  const operator = match[3] as ThresholdOperator;
  const value = Number(match[4]);
  if (head.startsWith('p(')) {
    const percentile = Number(match[2]);
    if (!(percentile >= 0 && percentile <= 100)) throw new Error(`"${expression}": the percentile must be between 0 and 100`);
    return { aggregation: 'p', percentile, operator, value };
  }
  return { aggregation: head as ThresholdAggregation, operator, value };
}

/** Which aggregations each k6 metric type supports. */
export const aggregationsByType: Readonly<Record<'trend' | 'counter' | 'rate' | 'gauge', readonly ThresholdAggregation[]>> = {
  trend: ['avg', 'min', 'max', 'med', 'p'],
  counter: ['count', 'rate'],
  rate: ['rate'],
  gauge: ['value'],
};

/** The value `threshold` reads from `metric`, or undefined when the metric type lacks that aggregation. */
export function aggregate(threshold: ParsedThreshold, metric: MetricValue): number | undefined {
  if (metric.type === 'empty') return 0;
  if (!aggregationsByType[metric.type].includes(threshold.aggregation)) return undefined;
  switch (metric.type) {
    case 'trend':
      if (metric.count === 0) return 0;
      if (threshold.aggregation === 'p') return metric.percentile(threshold.percentile!);
      if (threshold.aggregation === 'med') return metric.percentile(50);
      return metric[threshold.aggregation as 'avg' | 'min' | 'max'];
    case 'counter':
      return threshold.aggregation === 'count' ? metric.count : metric.rate;
    case 'rate':
      return metric.rate;
    case 'gauge':
      return metric.value;
  }
}

export function compare(observed: number, operator: ThresholdOperator, value: number): boolean {
  switch (operator) {
    case '<': return observed < value;
    case '<=': return observed <= value;
    case '>': return observed > value;
    case '>=': return observed >= value;
    case '==':
    case '===': return observed === value;
    case '!=': return observed !== value;
  }
}

/** The expression text of a threshold entry (string or `{ threshold, abortOnFail, delayAbortEval }`). */
export const thresholdExpression = (entry: unknown): string | undefined =>
  typeof entry === 'string' ? entry : typeof entry === 'object' && entry !== null && typeof (entry as { threshold?: unknown }).threshold === 'string' ? (entry as { threshold: string }).threshold : undefined;

/**
 * Evaluates every threshold of `thresholds` on `metrics`, in declaration
 * order. A threshold whose metric is missing, whose expression does not
 * parse, or whose aggregation does not fit the metric type fails (k6 would
 * refuse to start; validateK6Options reports those before a run).
 */
export function evaluateThresholds(thresholds: Options['thresholds'], metrics: MetricValues): ThresholdResult[] {
  const results: ThresholdResult[] = [];
  for (const [metric, entries] of Object.entries(thresholds ?? {})) {
    for (const entry of entries ?? []) {
      const expression = thresholdExpression(entry) ?? String(entry);
      const values = metrics[metric];
      let parsed: ParsedThreshold | undefined;
      try {
        parsed = parseThreshold(expression);
      } catch {
        parsed = undefined;
      }
      const observed = parsed && values ? aggregate(parsed, values) : undefined;
      const passed = parsed !== undefined && observed !== undefined && compare(observed, parsed.operator, parsed.value);
      results.push({ metric, expression, passed, ...(observed !== undefined ? { observed } : {}) });
    }
  }
  return results;
}
