import { describe, expect, it } from 'vitest';
import { axisTicks, tickLabel } from '../../../src/load/report/charts/axis-ticks.js';
import { barChart } from '../../../src/load/report/charts/bar-chart.js';
import { lineChart } from '../../../src/load/report/charts/line-chart.js';
import { parseXml, type XmlElement } from '../../report/xml-well-formed.js';

const all = (element: XmlElement, name: string): XmlElement[] => [...(element.name === name ? [element] : []), ...element.children.flatMap((c) => all(c, name))];
const text = { id: 'c', title: 'Title <&>', description: 'What it shows', xLabel: 'seconds', yLabel: 'req/s' };

describe('axisTicks', () => {
  it('gives nice steps that cover the maximum', () => {
    expect(axisTicks(100)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(axisTicks(103)).toEqual([0, 25, 50, 75, 100, 125]);
    expect(axisTicks(0.9)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(axisTicks(0)).toEqual([0, 1]);
    expect(tickLabel(12_000)).toBe('12k');
    expect(tickLabel(0.25)).toBe('0.25');
  });
});

describe('lineChart', () => {
  it('is well-formed SVG with a title, description, axes, legend, one path per series and the reference line', () => {
    const svg = lineChart({
      ...text,
      series: [
        { name: 'offered', tone: 1, dashed: true, points: [{ x: 0, y: 100 }, { x: 1, y: 100 }, { x: 2, y: 100 }] },
        { name: 'accepted', tone: 2, points: [{ x: 0, y: 50 }, { x: 1, y: undefined }, { x: 2, y: 50 }] },
      ],
      referenceLines: [{ y: 50, label: 'declared limit 50/s' }],
    });
    const root = parseXml(svg);
    expect(root.name).toBe('svg');
    expect(root.attributes['role']).toBe('img');
    expect(root.attributes['aria-labelledby']).toBe('c-title c-desc');
    expect(all(root, 'title')[0]!.text).toBe('Title <&>');
    const paths = all(root, 'path');
    expect(paths.map((p) => p.attributes['data-series'])).toEqual(['offered', 'accepted']);
    expect(paths[0]!.attributes['class']).toBe('series tone-1 dashed');
    // The gap: the accepted line starts twice.
    expect(paths[1]!.attributes['d']!.match(/M/g)).toHaveLength(2);
    expect(all(root, 'line').some((l) => l.attributes['class'] === 'reference')).toBe(true);
    const labels = all(root, 'text').map((t) => t.text);
    expect(labels).toEqual(expect.arrayContaining(['seconds', 'req/s', 'offered', 'accepted', 'declared limit 50/s', '0', '100']));
  });

  it('puts y = 0 on the axis and the maximum inside the plot', () => {
    const svg = lineChart({ ...text, series: [{ name: 's', tone: 1, points: [{ x: 0, y: 0 }, { x: 10, y: 40 }] }] });
    const d = all(parseXml(svg), 'path')[0]!.attributes['d']!;
    const [, x0, y0, x1, y1] = /^M([\d.]+) ([\d.]+)L([\d.]+) ([\d.]+)$/.exec(d)!.map(Number);
    expect(x0).toBe(60);
    expect(y0).toBe(300 - 46);
    expect(x1).toBe(960 - 16);
    expect(y1).toBeGreaterThan(34);
  });
});

describe('barChart', () => {
  it('draws one labelled bar per category, tallest bar inside the plot', () => {
    const svg = barChart({ ...text, seriesName: '429 answers', bars: [{ label: '1 s', value: 240 }, { label: '2 s', value: 12 }, { label: 'missing/invalid', value: 3 }] });
    const root = parseXml(svg);
    const bars = all(root, 'rect').filter((r) => r.attributes['class']?.startsWith('bar') && all(r, 'title').length > 0);
    expect(bars.map((b) => all(b, 'title')[0]!.text)).toEqual(['1 s: 240', '2 s: 12', 'missing/invalid: 3']);
    const heights = bars.map((b) => Number(b.attributes['height']));
    expect(heights[0]).toBeGreaterThan(heights[1]!);
    expect(Number(bars[0]!.attributes['y'])).toBeGreaterThanOrEqual(34);
    expect(all(root, 'text').map((t) => t.text)).toEqual(expect.arrayContaining(['1 s', '2 s', 'missing/invalid', '240']));
  });
});
