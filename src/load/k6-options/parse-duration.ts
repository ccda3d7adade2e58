/**
 * k6 durations: Go duration strings (`30s`, `1m30s`, `500ms`, `2h`, `1.5s`,
 * `250us`) or a bare number of milliseconds, as k6 accepts in `duration`,
 * `startTime`, `gracefulStop`, `timeUnit` and stage durations.
 */

const unitMs: Readonly<Record<string, number>> = { h: 3_600_000, m: 60_000, s: 1_000, ms: 1, us: 0.001, 'µs': 0.001, 'μs': 0.001, ns: 0.000_001 };
const whole = /^(?:\d+(?:\.\d+)?(?:h|ms|m|s|us|µs|μs|ns))+$/;
const part = /(\d+(?:\.\d+)?)(h|ms|m|s|us|µs|μs|ns)/g;

/** Milliseconds of a k6 duration, or undefined when it is not one (negative, empty, unknown unit). */
export function parseDuration(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (text === '0') return 0;
  if (/^\d+(?:\.\d+)?$/.test(text)) return Number(text);
  if (!whole.test(text)) return undefined;
  let total = 0;
  for (const match of text.matchAll(part)) total += Number(match[1]) * unitMs[match[2]!]!;
  return total;
}

/** A duration in ms written back the k6 way, e.g. 90000 → `1m30s`, 500 → `500ms`. */
export function formatDuration(ms: number): string {
  if (ms < 1000 || !Number.isInteger(ms / 1000)) return `${+ms.toFixed(3)}ms`;
  let seconds = ms / 1000;
  const h = Math.floor(seconds / 3600);
  seconds -= h * 3600;
  const m = Math.floor(seconds / 60);
  seconds -= m * 60;
  return `${h ? `${h}h` : ''}${m ? `${m}m` : ''}${seconds || (!h && !m) ? `${seconds}s` : ''}`;
}
