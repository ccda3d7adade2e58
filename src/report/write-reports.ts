/** Writes the four report files of a run and appends the Markdown to GitHub's step summary. */
import { appendFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RunSummary } from '../checks/failure.js';
import { redact } from './redact.js';
import { renderHtml } from './render-html.js';
import { renderJunit } from './render-junit.js';
import { renderMarkdown } from './render-markdown.js';
import { renderSummaryJson } from './render-summary-json.js';

export interface WriteReportsOptions {
  /** Environment to read `GITHUB_STEP_SUMMARY` from (default: none, so nothing is appended). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Secrets that must not appear in any file (raw, base64 and hex forms are all redacted). */
  readonly secrets?: readonly string[];
}

export interface WrittenReports {
  /** `<reportsDir>/<run-id>` */
  readonly directory: string;
  readonly junit: string;
  readonly json: string;
  readonly markdown: string;
  readonly html: string;
  /** The `GITHUB_STEP_SUMMARY` file appended to, when set. */
  readonly stepSummary?: string;
}

/**
 * Renders junit.xml, summary.json, summary.md and report.html into
 * `<reportsDir>/<run-id>/` (created if missing, files overwritten), every
 * file passed through `redact` with `options.secrets`; then appends
 * summary.md to `$GITHUB_STEP_SUMMARY` when `options.env` sets it. Throws
 * when the run id could escape `reportsDir` (it must be one path segment).
 */
export async function writeReports(summary: RunSummary, reportsDir: string, options: WriteReportsOptions = {}): Promise<WrittenReports> {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(summary.runId)) {
    throw Object.assign(new Error(`Run id ${JSON.stringify(summary.runId)} is not a safe directory name`), { code: 'BOCA_REPORT_RUN_ID' });
  }
  const secrets = options.secrets ?? [];
  const directory = join(reportsDir, summary.runId);
  await mkdir(directory, { recursive: true });
  const markdown = redact(renderMarkdown(summary), secrets);
  const files = {
    junit: [join(directory, 'junit.xml'), redact(renderJunit(summary), secrets)],
    json: [join(directory, 'summary.json'), redact(renderSummaryJson(summary), secrets)],
    markdown: [join(directory, 'summary.md'), markdown],
    html: [join(directory, 'report.html'), redact(renderHtml(summary), secrets)],
  } as const;
  await Promise.all(Object.values(files).map(([path, content]) => writeFile(path, content, 'utf8')));
  const written = { directory, junit: files.junit[0], json: files.json[0], markdown: files.markdown[0], html: files.html[0] };
  const stepSummary = options.env?.['GITHUB_STEP_SUMMARY'];
  if (stepSummary === undefined || stepSummary === '') return written;
  await appendFile(stepSummary, `${markdown}\n`, 'utf8');
  return { ...written, stepSummary };
}
