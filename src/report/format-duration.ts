/** Human-readable durations for reports. */

/** `850 ms`, `12.3 s`, `2 min 05 s` from milliseconds. */
export function formatDuration(durationMs: number): string {
  if (durationMs < 1000) return `${Math.round(durationMs)} ms`;
  if (durationMs < 60_000) return `${(durationMs / 1000).toFixed(1)} s`;
  const seconds = Math.round(durationMs / 1000);
  return `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, '0')} s`;
}

/** Seconds with millisecond precision, as JUnit's `time` attribute wants: `1.234`. */
export function formatSeconds(durationMs: number): string {
  return (Math.max(0, durationMs) / 1000).toFixed(3);
}
