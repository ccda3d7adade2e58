/** What the line and bar charts share: the frame, axes, grid, legend and accessible title. */
import { escapeXml as h } from '../../../report/escape-xml.js';
import { tickLabel } from './axis-ticks.js';

export interface ChartText {
  /** Unique in the page: ids of the `<title>` and `<desc>`. */
  readonly id: string;
  /** Read by screen readers and shown as a tooltip. */
  readonly title: string;
  /** One or two sentences: what the chart shows, for screen readers. */
  readonly description: string;
  readonly xLabel: string;
  readonly yLabel: string;
}

export interface LegendEntry {
  readonly name: string;
  /** 1..6: the colour, `--chart-N` in the page's CSS. */
  readonly tone: number;
  readonly shape: 'line' | 'dashed' | 'bar';
}

/** Pixel box of the plot area inside the SVG. */
export interface PlotArea {
  readonly width: number;
  readonly height: number;
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

export function plotArea(width: number, height: number): PlotArea {
  const left = 60;
  const top = 34;
  return { width, height, left, top, right: width - 16, bottom: height - 46 };
}

/** 0.1 px precision keeps paths short. */
export const px = (value: number): string => String(Math.round(value * 10) / 10);

function legendSvg(entries: readonly LegendEntry[], area: PlotArea): string {
  let x = area.left;
  return entries
    .map((entry) => {
      const swatch =
        entry.shape === 'bar'
          ? `<rect x="${x}" y="10" width="14" height="10" class="bar tone-${entry.tone}"/>`
          : `<line x1="${x}" y1="15" x2="${x + 18}" y2="15" class="series tone-${entry.tone}${entry.shape === 'dashed' ? ' dashed' : ''}"/>`;
      const text = `<text x="${x + 22}" y="19" class="legend">${h(entry.name)}</text>`;
      x += 34 + entry.name.length * 7;
      return swatch + text;
    })
    .join('');
}

/**
 * The `<svg>` around `plot` (already-positioned marks): title and
 * description for assistive technology, horizontal grid lines with y tick
 * labels, x tick labels, both axis labels and the legend.
 */
export function chartSvg(
  text: ChartText,
  area: PlotArea,
  yTicks: readonly { readonly y: number; readonly value: number }[],
  xTicks: readonly { readonly x: number; readonly label: string }[],
  legend: readonly LegendEntry[],
  plot: string,
): string {
  const grid = yTicks
    .map((t) => `<line x1="${area.left}" y1="${px(t.y)}" x2="${area.right}" y2="${px(t.y)}" class="grid"/><text x="${area.left - 6}" y="${px(t.y + 4)}" class="tick" text-anchor="end">${h(tickLabel(t.value))}</text>`)
    .join('');
  const xLabels = xTicks
    .map((t) => `<line x1="${px(t.x)}" y1="${area.bottom}" x2="${px(t.x)}" y2="${area.bottom + 4}" class="axis"/><text x="${px(t.x)}" y="${area.bottom + 17}" class="tick" text-anchor="middle">${h(t.label)}</text>`)
    .join('');
  const middleY = (area.top + area.bottom) / 2;
  return [
    `<svg class="chart" viewBox="0 0 ${area.width} ${area.height}" width="${area.width}" height="${area.height}" role="img" aria-labelledby="${h(text.id)}-title ${h(text.id)}-desc" id="${h(text.id)}">`,
    `<title id="${h(text.id)}-title">${h(text.title)}</title>`,
    `<desc id="${h(text.id)}-desc">${h(text.description)}</desc>`,
    `<g class="grid-lines">${grid}</g>`,
    `<line x1="${area.left}" y1="${area.bottom}" x2="${area.right}" y2="${area.bottom}" class="axis"/>`,
    `<line x1="${area.left}" y1="${area.top}" x2="${area.left}" y2="${area.bottom}" class="axis"/>`,
    `<g class="x-ticks">${xLabels}</g>`,
    `<text x="${px((area.left + area.right) / 2)}" y="${area.height - 8}" class="axis-label" text-anchor="middle">${h(text.xLabel)}</text>`,
    `<text x="14" y="${px(middleY)}" class="axis-label" text-anchor="middle" transform="rotate(-90 14 ${px(middleY)})">${h(text.yLabel)}</text>`,
    `<g class="legend">${legendSvg(legend, area)}</g>`,
    `<g class="plot">${plot}</g>`,
    '</svg>',
  ].join('\n');
}
