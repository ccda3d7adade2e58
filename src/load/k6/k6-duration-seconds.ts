/** k6 duration strings (`30s`, `1m30s`, `1h`, `500ms`) in seconds; undefined when not one. */
export function k6DurationSeconds(text: string): number | undefined {
  const units: Record<string, number> = { h: 3600, m: 60, s: 1, ms: 0.001, us: 1e-6, µs: 1e-6, ns: 1e-9 };
  const parts = [...text.matchAll(/(\d+(?:\.\d+)?)(ms|us|µs|ns|h|m|s)/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== text) return undefined;
  return parts.reduce((total, [, value, unit]) => total + Number(value) * units[unit!]!, 0);
}
