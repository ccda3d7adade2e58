/**
 * `certification.html`: one self-contained page: the certification verdict,
 * the conformance checks as report.html shows them, then the rate-limit and
 * throughput runs with their plots. Inline CSS, SVG and the conformance
 * report's small script (copy buttons) under the same Content-Security-Policy.
 */
import { createHash } from 'node:crypto';
import { checksBySection } from '../report/checks-by-section.js';
import { escapeXml as h } from '../report/escape-xml.js';
import { formatDuration } from '../report/format-duration.js';
import { reportCss, reportScript } from '../report/html-assets.js';
import { sectionHtml } from '../report/render-html.js';
import { loadCss } from '../load/report/load-css.js';
import { loadSectionHtml } from '../load/report/load-section-html.js';
import type { LoadSummary } from '../load/load-summary.js';
import type { CertificationPart, CertificationSummary } from './certification-summary.js';
import { htmlDocumentStart } from '../report/html-document-start.js';

const scriptHash = createHash('sha256').update(reportScript).digest('base64');
const contentSecurityPolicy = `default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${scriptHash}'; img-src data:; base-uri 'none'; form-action 'none'`;

const certificationCss = `
h2.part{font-size:1.35rem;margin:2.4rem 0 .6rem;padding:.4rem 0 .4rem .7rem;border-bottom:none;border-left:6px solid var(--part);background:var(--panel);border-radius:4px}
h2.part.passed{--part:var(--pass)}h2.part.failed,h2.part.errored{--part:var(--fail)}h2.part.inconclusive{--part:var(--skip)}
h2.part .part-headline{display:block;font-size:14px;font-weight:normal;color:var(--muted)}
.parts a{color:inherit;text-decoration:none}.parts li.passed{background:var(--pass-bg)}.parts li.failed,.parts li.errored{background:var(--fail-bg)}.parts li.inconclusive{background:var(--skip-bg)}
`;

const partClass = (part: CertificationPart): string => (part.passed ? 'passed' : part.outcome === 'passed' ? 'inconclusive' : part.outcome);
const partMark = (part: CertificationPart): string => (part.passed ? '✓' : part.outcome === 'failed' || part.outcome === 'errored' ? '✗' : '!');

function partHeading(part: CertificationPart, scenario?: string): string {
  return `<h2 class="part ${partClass(part)}" id="part-${part.name}">${partMark(part)} ${h(part.title)}${scenario ? ` <code>${h(scenario)}</code>` : ''}<span class="part-headline">${h(part.headline)}</span></h2>`;
}

function headerHtml(summary: CertificationSummary): string {
  const { verdict } = summary;
  const [label, ...rest] = verdict.headline.split(': ');
  const meta: [string, string][] = [
    ['Target', summary.target],
    ['Run id', summary.runId],
    ['Started', summary.startedAt],
    ['Duration', formatDuration(summary.durationMs)],
    ['Conformance seed', String(summary.conformance.seed)],
  ];
  const parts = verdict.parts.map((p) => `<li class="${partClass(p)}"><a href="#part-${p.name}">${partMark(p)} <b>${h(p.title)}</b> ${h(p.headline)}</a></li>`).join('');
  return [
    `<header class="top ${verdict.certified ? 'certified' : 'not-certified'}"><div class="wrap">`,
    '<p class="eyebrow">boca-harness · Partner API go-live certification</p>',
    `<h1><span class="badge">${h(label!)}</span> ${h(rest.join(': '))}</h1>`,
    `<dl class="meta">${meta.map(([k, v]) => `<div><dt>${k}</dt><dd class="mono">${h(v)}</dd></div>`).join('')}</dl>`,
    `<ul class="parts">${parts}</ul>`,
    '</div></header>',
  ].join('\n');
}

function conformanceHtml(summary: CertificationSummary, part: CertificationPart): string {
  const groups = checksBySection(summary.conformance.checks);
  const banner = summary.conformance.complete
    ? ''
    : '<div class="banner" role="alert"><strong>Incomplete run.</strong> The conformance run was interrupted before every check finished: these results are partial.</div>';
  return [
    `<section class="part-section" aria-labelledby="part-conformance">`,
    partHeading(part),
    banner,
    groups.length > 0 ? groups.map(sectionHtml).join('\n') : '<p>No checks ran.</p>',
    '</section>',
  ].join('\n');
}

function loadPartHtml(load: LoadSummary, part: CertificationPart): string {
  return [
    `<section class="part-section load-section" aria-labelledby="part-${part.name}">`,
    partHeading(part, load.scenario),
    loadSectionHtml(load, { idPrefix: part.name, headingLevel: 3 }),
    '</section>',
  ].join('\n');
}

/** The whole page; everything from the target is escaped. */
export function renderCertificationHtml(summary: CertificationSummary): string {
  const [conformance, rateLimit, throughput] = summary.verdict.parts as [CertificationPart, CertificationPart, CertificationPart];
  const title = `${summary.verdict.certified ? 'CERTIFIED' : 'NOT CERTIFIED'} · Partner API certification · ${summary.runId}`;
  return `${htmlDocumentStart(title, contentSecurityPolicy, reportCss + loadCss + certificationCss)}
${headerHtml(summary)}
<div class="wrap">
<main>
${conformanceHtml(summary, conformance)}
${loadPartHtml(summary.rateLimit, rateLimit)}
${loadPartHtml(summary.throughput, throughput)}
</main>
<footer>Generated by ${h(summary.conformance.tool.name)} ${h(summary.conformance.tool.version)}. Machine-readable results: certification.json and junit.xml next to this file.</footer>
</div>
<script>${reportScript}</script>
</body>
</html>
`;
}
