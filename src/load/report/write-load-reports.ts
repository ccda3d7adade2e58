/** Writes the three load report files of a run and appends the Markdown to GitHub's step summary. */
import { appendFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { redact } from '../../report/redact.js';
import type { WriteReportsOptions } from '../../report/write-reports.js';
import type { LoadSummary } from '../load-summary.js';
import { renderLoadHtml } from './render-load-html.js';
import { renderLoadJson } from './render-load-json.js';
import { renderLoadMarkdown } from './render-load-markdown.js';

export interface WrittenLoadReports {
  /** `<reportsDir>/<run-id>` */
  readonly directory: string;
  readonly json: string;
  readonly markdown: string;
  readonly html: string;
  /** The `GITHUB_STEP_SUMMARY` file appended to, when set. */
  readonly stepSummary?: string;
}

/** A run id must be one safe path segment: it names the report directory. */
export function reportDirectory(reportsDir: string, runId: string): string {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(runId)) {
    throw Object.assign(new Error(`Run id ${JSON.stringify(runId)} is not a safe directory name`), { code: 'BOCA_REPORT_RUN_ID' });
  }
  return join(reportsDir, runId);
}

/**
 * Renders load.json, load.md and load.html into `<reportsDir>/<run-id>/`
 * (created if missing, files overwritten), each passed through `redact` with
 * `options.secrets`; then appends load.md to `$GITHUB_STEP_SUMMARY` when
 * `options.env` sets it. Throws when the run id could escape `reportsDir`.
 */
export async function writeLoadReports(summary: LoadSummary, reportsDir: string, options: WriteReportsOptions = {}): Promise<WrittenLoadReports> {
  const directory = reportDirectory(reportsDir, summary.runId);
  const secrets = options.secrets ?? [];
  await mkdir(directory, { recursive: true });
  const markdown = redact(renderLoadMarkdown(summary), secrets);
  const written = { directory, json: join(directory, 'load.json'), markdown: join(directory, 'load.md'), html: join(directory, 'load.html') };
  await Promise.all([
    writeFile(written.json, redact(renderLoadJson(summary), secrets), 'utf8'),
    writeFile(written.markdown, markdown, 'utf8'),
    writeFile(written.html, redact(renderLoadHtml(summary), secrets), 'utf8'),
  ]);
  const stepSummary = options.env?.['GITHUB_STEP_SUMMARY'];
  if (stepSummary === undefined || stepSummary === '') return written;
  await appendFile(stepSummary, `${markdown}\n`, 'utf8');
  return { ...written, stepSummary };
}
