/** Conformance reporters: every one formats the same RunSummary (style §6). */
export { curlCommand, shellQuote, type CurlRequest } from './curl-command.js';
export { redact, redactedMarker, secretForms } from './redact.js';
export { renderHtml } from './render-html.js';
export { renderJunit } from './render-junit.js';
export { renderMarkdown, type MarkdownOptions } from './render-markdown.js';
export { renderSummaryJson, summarySchemaVersion } from './render-summary-json.js';
export { renderTable, type TableOptions } from './render-table.js';
export { runVerdict, type RunOutcome, type RunVerdict } from './run-verdict.js';
export { writeReports, type WriteReportsOptions, type WrittenReports } from './write-reports.js';
