/** JSON for reports: never throws, and pretty-prints bodies that parse. */

// A copy JSON can hold: bigints as `10n` strings, cycles (not shared references) as "[Circular]".
function jsonSafe(value: unknown, ancestors: readonly object[]): unknown {
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value !== 'object' || value === null) return value;
  if (ancestors.includes(value)) return '[Circular]';
  const toJSON = (value as { toJSON?: unknown }).toJSON;
  if (typeof toJSON === 'function') return jsonSafe(toJSON.call(value), ancestors);
  const inner = [...ancestors, value];
  if (Array.isArray(value)) return value.map((item) => jsonSafe(item, inner));
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, jsonSafe(item, inner)]));
}

/**
 * `JSON.stringify` that cannot throw: bigints become `"10n"`, cycles become
 * `"[Circular]"`, and a top-level `undefined` becomes `"undefined"`.
 * Indent defaults to 2 spaces.
 */
export function jsonText(value: unknown, indent = 2): string {
  return JSON.stringify(jsonSafe(value, []), null, indent) ?? String(value);
}

/** The body pretty-printed with 2-space indent when it is JSON; the text unchanged otherwise. */
export function prettyBody(body: string): string {
  const trimmed = body.trim();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return body;
  try {
    return JSON.stringify(JSON.parse(trimmed), null, 2);
  } catch {
    return body;
  }
}
