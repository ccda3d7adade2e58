/** The combined certification run: conformance + rate limit + throughput, one report set. */
export {
  certificationVerdict,
  createCertificationSummary,
  rateLimitPartVerdict,
  throughputPartVerdict,
  type CertificationPart,
  type CertificationPartName,
  type CertificationSummary,
  type CertificationVerdict,
} from './certification-summary.js';
export { renderCertificationHtml } from './render-certification-html.js';
export { certificationSchemaVersion, renderCertificationJson } from './render-certification-json.js';
export { renderCertificationJunit } from './render-certification-junit.js';
export { renderCertificationMarkdown } from './render-certification-markdown.js';
export { writeCertificationReports, type WrittenCertificationReports } from './write-certification-reports.js';
