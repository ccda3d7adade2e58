/** Writes the combined certification report set and appends its Markdown to GitHub's step summary. */
import { appendFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { redact } from '../report/redact.js';
import type { WriteReportsOptions } from '../report/write-reports.js';
import { reportDirectory } from '../load/report/write-load-reports.js';
import type { CertificationSummary } from './certification-summary.js';
import { renderCertificationHtml } from './render-certification-html.js';
import { renderCertificationJson } from './render-certification-json.js';
import { renderCertificationJunit } from './render-certification-junit.js';
import { renderCertificationMarkdown } from './render-certification-markdown.js';

export interface WrittenCertificationReports {
  /** `<reportsDir>/<run-id>` */
  readonly directory: string;
  readonly html: string;
  readonly markdown: string;
  readonly json: string;
  readonly junit: string;
  /** The `GITHUB_STEP_SUMMARY` file appended to, when set. */
  readonly stepSummary?: string;
}

/**
 * Renders certification.html, certification.md, certification.json and
 * junit.xml into `<reportsDir>/<run-id>/` (created if missing, files
 * overwritten), each passed through `redact` with `options.secrets`; then
 * appends certification.md to `$GITHUB_STEP_SUMMARY` when `options.env` sets
 * it. Throws when the run id could escape `reportsDir`.
 */
export async function writeCertificationReports(
  summary: CertificationSummary,
  reportsDir: string,
  options: WriteReportsOptions = {},
): Promise<WrittenCertificationReports> {
  const directory = reportDirectory(reportsDir, summary.runId);
  const secrets = options.secrets ?? [];
  await mkdir(directory, { recursive: true });
  const markdown = redact(renderCertificationMarkdown(summary), secrets);
  const written = {
    directory,
    html: join(directory, 'certification.html'),
    markdown: join(directory, 'certification.md'),
    json: join(directory, 'certification.json'),
    junit: join(directory, 'junit.xml'),
  };
  await Promise.all([
    writeFile(written.html, redact(renderCertificationHtml(summary), secrets), 'utf8'),
    writeFile(written.markdown, markdown, 'utf8'),
    writeFile(written.json, redact(renderCertificationJson(summary), secrets), 'utf8'),
    writeFile(written.junit, redact(renderCertificationJunit(summary), secrets), 'utf8'),
  ]);
  const stepSummary = options.env?.['GITHUB_STEP_SUMMARY'];
  if (stepSummary === undefined || stepSummary === '') return written;
  await appendFile(stepSummary, `${markdown}\n`, 'utf8');
  return { ...written, stepSummary };
}
