/** "Nice" axis ticks (1, 2, 2.5, 5 × 10ⁿ) for the SVG charts. */

/**
 * Ascending ticks from 0 (or `min`) covering `max` with about `count`
 * steps; the last tick is ≥ `max`, so it doubles as the axis end. A range
 * without extent gets one step of 1.
 */
export function axisTicks(max: number, count = 5, min = 0): number[] {
  const span = max - min;
  if (!(span > 0) || !Number.isFinite(span)) return [min, min + 1];
  const rough = span / count;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= rough)!;
  const first = Math.floor(min / step) * step;
  const ticks: number[] = [];
  for (let tick = first; tick < max + step * 0.999; tick += step) ticks.push(+tick.toPrecision(12));
  return ticks.length >= 2 ? ticks : [first, first + step];
}

/** A tick label: `12k`, `1.5M`, or the number with at most two decimals. */
export function tickLabel(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 1e6) return `${+(value / 1e6).toFixed(2)}M`;
  if (abs >= 1e4) return `${+(value / 1e3).toFixed(1)}k`;
  return String(+value.toFixed(2));
}
