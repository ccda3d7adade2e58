/** `certification.json`: the combined run for tools, stable and versioned. */
import { jsonText } from '../report/json-text.js';
import { renderSummaryJson } from '../report/render-summary-json.js';
import type { CertificationSummary } from './certification-summary.js';

/** Bumped on any incompatible change to the shape below. */
export const certificationSchemaVersion = 1;

/**
 * Pretty JSON (2-space indent, trailing newline): the verdict with its
 * parts, the conformance run in summary.json's shape, and both load runs in
 * load.json's shape (the LoadSummary).
 */
export function renderCertificationJson(summary: CertificationSummary): string {
  const document = {
    schemaVersion: certificationSchemaVersion,
    runId: summary.runId,
    target: summary.target,
    startedAt: summary.startedAt,
    durationMs: summary.durationMs,
    verdict: summary.verdict,
    conformance: JSON.parse(renderSummaryJson(summary.conformance)) as unknown,
    rateLimit: summary.rateLimit,
    throughput: summary.throughput,
  };
  return `${jsonText(document)}\n`;
}
