/** `certification.md`: the combined report for people; also what goes to `$GITHUB_STEP_SUMMARY`. */
import { formatDuration } from '../report/format-duration.js';
import { markdownCode as code, markdownInline as md } from '../report/markdown-text.js';
import { renderMarkdown } from '../report/render-markdown.js';
import { renderLoadMarkdown } from '../load/report/render-load-markdown.js';
import type { CertificationPart, CertificationSummary } from './certification-summary.js';

const partIcon = (part: CertificationPart): string => (part.passed ? '✅' : part.outcome === 'inconclusive' || part.outcome === 'passed' ? '⚠️' : '❌');

/** The verdict and a table of the three parts, then each part's own Markdown report in full. */
export function renderCertificationMarkdown(summary: CertificationSummary): string {
  const { verdict } = summary;
  const parts = [
    `# ${verdict.certified ? '✅' : '❌'} Partner API certification: ${md(verdict.headline)}`,
    `**Target** ${code(summary.target)} · **Run** ${code(summary.runId)} · **Started** ${md(summary.startedAt)} · **Duration** ${formatDuration(summary.durationMs)}`,
    ['| Part | Result |', '|---|---|', ...verdict.parts.map((p) => `| ${md(p.title)} | ${partIcon(p)} ${md(p.headline)} |`)].join('\n'),
    renderMarkdown(summary.conformance).trimEnd(),
    renderLoadMarkdown(summary.rateLimit).trimEnd(),
    renderLoadMarkdown(summary.throughput).trimEnd(),
  ];
  return `${parts.join('\n\n')}\n`;
}
