/** A small SVG bar chart: one bar per category (e.g. Retry-After seconds → count). */
import { escapeXml as h } from '../../../report/escape-xml.js';
import { axisTicks } from './axis-ticks.js';
import { chartSvg, plotArea, px, type ChartText } from './chart-frame.js';

export interface BarChartSpec extends ChartText {
  /** In display order. */
  readonly bars: readonly { readonly label: string; readonly value: number }[];
  /** Legend name of the bars. */
  readonly seriesName: string;
  /** 1..6: `--chart-N` in the page's CSS. */
  readonly tone?: number;
  readonly width?: number;
  readonly height?: number;
}

/**
 * The chart as one `<svg>` element: y from 0 to a nice tick above the
 * tallest bar, one `<rect class="bar">` per category with its value above it
 * and a `<title>` (`label: value`), category labels on the x axis. Pure.
 */
export function barChart(spec: BarChartSpec): string {
  const area = plotArea(spec.width ?? 960, spec.height ?? 240);
  const tone = spec.tone ?? 3;
  const yTicks = axisTicks(Math.max(0, ...spec.bars.map((b) => b.value)) * 1.1);
  const yEnd = yTicks[yTicks.length - 1]!;
  const sy = (y: number): number => area.bottom - (y / yEnd) * (area.bottom - area.top);
  const slot = (area.right - area.left) / Math.max(1, spec.bars.length);
  const barWidth = Math.min(64, slot * 0.7);
  const centre = (i: number): number => area.left + slot * (i + 0.5);
  const rects = spec.bars.map((bar, i) => {
    const y = sy(bar.value);
    return (
      `<rect x="${px(centre(i) - barWidth / 2)}" y="${px(y)}" width="${px(barWidth)}" height="${px(area.bottom - y)}" class="bar tone-${tone}"><title>${h(`${bar.label}: ${bar.value}`)}</title></rect>` +
      `<text x="${px(centre(i))}" y="${px(y - 4)}" class="bar-value" text-anchor="middle">${bar.value}</text>`
    );
  });
  return chartSvg(
    spec,
    area,
    yTicks.map((value) => ({ y: sy(value), value })),
    spec.bars.map((bar, i) => ({ x: centre(i), label: bar.label })),
    [{ name: spec.seriesName, tone, shape: 'bar' }],
    rects.join(''),
  );
}
