/** k6 duration strings (`30s`, `1m30s`, `1h`, `500ms`) in seconds; undefined when not one. */
const units: Readonly<Record<string, number>> = { h: 3600, m: 60, s: 1, ms: 0.001, us: 1e-6, µs: 1e-6, ns: 1e-9 };

export function k6DurationSeconds(text: string): number | undefined {
  // A sticky regex loop rather than matchAll, which older k6 runtimes lack.
  const part = /(\d+(?:\.\d+)?)(ms|us|µs|ns|h|m|s)/y;
  let total = 0;
  let matched = 0;
  while (part.lastIndex < text.length) {
    const m = part.exec(text);
    if (!m) return undefined;
    total += Number(m[1]) * units[m[2]!]!;
    matched++;
  }
  return matched > 0 ? total : undefined;
}
