/** The three plots of a load report, as inline SVG in `<figure>`s, or a note saying why a plot is missing. */
import { escapeXml as h } from '../../report/escape-xml.js';
import type { LoadSummary } from '../load-summary.js';
import { barChart } from './charts/bar-chart.js';
import { lineChart, type LineSeries } from './charts/line-chart.js';
import { formatRate } from './format-load.js';

const figure = (svg: string, caption: string): string => `<figure class="chart-figure">\n${svg}\n<figcaption>${h(caption)}</figcaption>\n</figure>`;
const noChart = (what: string, why: string): string => `<p class="no-chart" role="note"><strong>${h(what)}:</strong> ${h(why)}</p>`;

const noTimeline = 'this run has no per-second timeline (k6 summaries do not carry one). Run the scenario with the Node engine (--engine node) for this plot.';

/** Offered, accepted, throttled (and failed, when any) requests per second, with the declared limit as a horizontal line. */
export function rateChart(summary: LoadSummary, idPrefix: string): string {
  const timeline = summary.timeline;
  if (!timeline || timeline.length === 0) return noChart('Rates over time', noTimeline);
  const series: LineSeries[] = [
    { name: 'offered', tone: 1, dashed: true, points: timeline.map((p) => ({ x: p.t, y: p.offered })) },
    { name: 'accepted (2xx)', tone: 2, points: timeline.map((p) => ({ x: p.t, y: p.accepted })) },
    { name: 'throttled (429)', tone: 3, points: timeline.map((p) => ({ x: p.t, y: p.throttled })) },
  ];
  if (timeline.some((p) => p.failed > 0)) series.push({ name: 'failed', tone: 4, points: timeline.map((p) => ({ x: p.t, y: p.failed })) });
  if (timeline.some((p) => p.dropped > 0)) series.push({ name: 'dropped', tone: 6, points: timeline.map((p) => ({ x: p.t, y: p.dropped })) });
  const declared = summary.rateLimit.declared;
  const svg = lineChart({
    id: `${idPrefix}-rates`,
    title: 'Offered, accepted and throttled requests per second',
    description: `Requests per second over the run: offered load, 2xx answers and 429 answers${declared ? `, with the declared limit of ${formatRate(declared.requestsPerSecond)} as a horizontal line` : ''}.`,
    xLabel: 'seconds since start',
    yLabel: 'requests / s',
    series,
    ...(declared && { referenceLines: [{ y: declared.requestsPerSecond, label: `declared limit ${formatRate(declared.requestsPerSecond)}` }] }),
  });
  return figure(svg, 'Offered load by scheduled time; answers by the second they arrived.');
}

/** p50 and p99 latency from the scheduled time, per second. */
export function latencyChart(summary: LoadSummary, idPrefix: string): string {
  const timeline = summary.timeline;
  if (!timeline || timeline.length === 0) return noChart('Latency over time', noTimeline);
  const answered = (p: (typeof timeline)[number]): boolean => p.accepted + p.throttled + p.failed > 0;
  const svg = lineChart({
    id: `${idPrefix}-latency`,
    title: 'Latency percentiles per second (from the scheduled time)',
    description: 'The 50th and 99th percentile latency of the answers that arrived in each second, measured from when the schedule said to send, in milliseconds. Seconds without answers are gaps.',
    xLabel: 'seconds since start',
    yLabel: 'latency (ms)',
    series: [
      { name: 'p50', tone: 1, points: timeline.map((p) => ({ x: p.t, y: answered(p) ? p.p50 : undefined })) },
      { name: 'p99', tone: 5, points: timeline.map((p) => ({ x: p.t, y: answered(p) ? p.p99 : undefined })) },
    ],
  });
  return figure(svg, 'Measured from the scheduled send time, so a stalled target or generator shows up (no coordinated omission).');
}

/** How many 429s carried each Retry-After value, plus those without a valid one. */
export function retryAfterChart(summary: LoadSummary, idPrefix: string): string {
  const r = summary.rateLimit;
  const bars = Object.entries(r.retryAfterSeconds)
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([seconds, count]) => ({ label: `${seconds} s`, value: count }));
  if (r.retryAfterMissing > 0) bars.push({ label: 'missing/invalid', value: r.retryAfterMissing });
  if (bars.length === 0) return noChart('Retry-After histogram', 'no 429 answer in this run, so there is no Retry-After to show.');
  const svg = barChart({
    id: `${idPrefix}-retry-after`,
    title: 'Retry-After values on 429 answers',
    description: `How many 429 answers carried each Retry-After value in seconds${r.retryAfterMissing > 0 ? ', and how many had none or an invalid one' : ''}.`,
    xLabel: 'Retry-After (seconds; HTTP-dates converted)',
    yLabel: '429 answers',
    seriesName: '429 answers',
    bars,
  });
  return figure(svg, 'HTTP-dates are converted to seconds from the moment the answer arrived.');
}
