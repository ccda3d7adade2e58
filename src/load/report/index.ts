/** Load reporters: load.json, load.md and load.html all format the same LoadSummary. */
export { axisTicks, tickLabel } from './charts/axis-ticks.js';
export { barChart, type BarChartSpec } from './charts/bar-chart.js';
export { lineChart, type LineChartSpec, type LineSeries, type ReferenceLine } from './charts/line-chart.js';
export { loadCss } from './load-css.js';
export { latencyChart, rateChart, retryAfterChart } from './load-charts.js';
export { loadSectionHtml, type LoadSectionOptions } from './load-section-html.js';
export { loadFindings, loadVerdict, type LoadFindingKind, type LoadOutcome, type LoadVerdict, type LoadVerdictOptions } from './load-verdict.js';
export { loadContentSecurityPolicy, loadHeaderHtml, renderLoadHtml } from './render-load-html.js';
export { renderLoadJson } from './render-load-json.js';
export { renderLoadMarkdown } from './render-load-markdown.js';
export { reportDirectory, writeLoadReports, type WrittenLoadReports } from './write-load-reports.js';
