/**
 * A k6 threshold key: a metric name with an optional tag filter, e.g.
 * `http_req_duration{status:201,scenario:steady}` (k6 sub-metrics).
 */

export interface ThresholdKey {
  readonly metric: string;
  /** Tag name → value the sample must carry; empty for the whole metric. */
  readonly tags: Readonly<Record<string, string>>;
}

/** k6's metric-name rule (since v0.45): letters, digits, underscores, not starting with a digit, ≤ 128. */
export const metricNamePattern = /^[a-zA-Z_][a-zA-Z0-9_]{0,127}$/;

const unquote = (text: string): string => text.trim().replace(/^(["'])(.*)\1$/, '$2');

/** Parses `metric{tag:value,…}`; returns a problem message instead when it is malformed. */
export function parseThresholdKey(key: string): ThresholdKey | { readonly problem: string } {
  const open = key.indexOf('{');
  const metric = (open < 0 ? key : key.slice(0, open)).trim();
  if (!metricNamePattern.test(metric)) return { problem: `"${metric}" is not a valid metric name (letters, digits and _, not starting with a digit)` };
  if (open < 0) return { metric, tags: {} };
  if (!key.trimEnd().endsWith('}')) return { problem: `the tag filter of "${key}" must end with "}"` };
  const inner = key.slice(open + 1, key.trimEnd().length - 1).trim();
  if (inner === '') return { problem: `the tag filter of "${key}" is empty; write metric{tag:value}` };
  const tags: Record<string, string> = {};
  for (const pair of inner.split(',')) {
    const colon = pair.indexOf(':');
    if (colon <= 0) return { problem: `"${pair.trim()}" in "${key}" is not tag:value` };
    tags[unquote(pair.slice(0, colon))] = unquote(pair.slice(colon + 1));
  }
  return { metric, tags };
}

/** True when a sample with `sampleTags` belongs to the sub-metric `filter`. */
export function tagsMatch(filter: Readonly<Record<string, string>>, sampleTags: Readonly<Record<string, string>>): boolean {
  for (const name in filter) if (sampleTags[name] !== filter[name]) return false;
  return true;
}
