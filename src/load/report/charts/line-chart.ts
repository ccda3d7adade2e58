/** A small SVG line chart: series over a numeric x axis, optional horizontal reference lines. */
import { escapeXml as h } from '../../../report/escape-xml.js';
import { axisTicks, tickLabel } from './axis-ticks.js';
import { chartSvg, plotArea, px, type ChartText, type LegendEntry } from './chart-frame.js';

export interface LineSeries {
  readonly name: string;
  /** 1..6: `--chart-N` in the page's CSS. */
  readonly tone: number;
  readonly dashed?: boolean;
  /** An undefined `y` leaves a gap (e.g. a second without answers). */
  readonly points: readonly { readonly x: number; readonly y: number | undefined }[];
}

export interface ReferenceLine {
  readonly y: number;
  readonly label: string;
}

export interface LineChartSpec extends ChartText {
  readonly series: readonly LineSeries[];
  /** Horizontal lines across the plot, labelled at the right end (e.g. the declared limit). */
  readonly referenceLines?: readonly ReferenceLine[];
  /** Pixels; default 960 × 300. */
  readonly width?: number;
  readonly height?: number;
}

/**
 * The chart as one `<svg>` element: y from 0 to a nice tick above the
 * largest value (reference lines included), x from 0 to the largest x, grid,
 * ticks, axis labels, legend (series then reference lines), and one `<path>`
 * per series (class `series tone-N`), broken where `y` is undefined. Pure.
 */
export function lineChart(spec: LineChartSpec): string {
  const area = plotArea(spec.width ?? 960, spec.height ?? 300);
  const ys = spec.series.flatMap((s) => s.points.map((p) => p.y ?? 0));
  const xs = spec.series.flatMap((s) => s.points.map((p) => p.x));
  const maxY = Math.max(0, ...ys, ...(spec.referenceLines ?? []).map((r) => r.y));
  const maxX = Math.max(0, ...xs);
  const yTicks = axisTicks(maxY * 1.05);
  const xTicks = axisTicks(maxX, 8);
  const yEnd = yTicks[yTicks.length - 1]!;
  const xEnd = Math.max(maxX, 1);
  const sx = (x: number): number => area.left + (x / xEnd) * (area.right - area.left);
  const sy = (y: number): number => area.bottom - (y / yEnd) * (area.bottom - area.top);

  const paths = spec.series.map((series) => {
    let d = '';
    let pen = false;
    for (const point of series.points) {
      if (point.y === undefined) {
        pen = false;
        continue;
      }
      d += `${pen ? 'L' : 'M'}${px(sx(point.x))} ${px(sy(point.y))}`;
      pen = true;
    }
    const dots = series.points.length === 1 && series.points[0]!.y !== undefined ? `<circle cx="${px(sx(series.points[0]!.x))}" cy="${px(sy(series.points[0]!.y))}" r="3" class="dot tone-${series.tone}"/>` : '';
    return `<path d="${d}" class="series tone-${series.tone}${series.dashed ? ' dashed' : ''}" data-series="${h(series.name)}"><title>${h(series.name)}</title></path>${dots}`;
  });
  const references = (spec.referenceLines ?? []).map(
    (r) =>
      `<line x1="${area.left}" y1="${px(sy(r.y))}" x2="${area.right}" y2="${px(sy(r.y))}" class="reference"><title>${h(r.label)}</title></line>` +
      `<text x="${area.right - 4}" y="${px(sy(r.y) - 5)}" class="reference-label" text-anchor="end">${h(r.label)}</text>`,
  );
  const legend: LegendEntry[] = spec.series.map((s) => ({ name: s.name, tone: s.tone, shape: s.dashed ? 'dashed' : 'line' }));
  return chartSvg(
    spec,
    area,
    yTicks.map((value) => ({ y: sy(value), value })),
    xTicks.filter((x) => x <= xEnd).map((x) => ({ x: sx(x), label: tickLabel(x) })),
    legend,
    [...references, ...paths].join(''),
  );
}
