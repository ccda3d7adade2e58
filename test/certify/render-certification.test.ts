import { describe, expect, it } from 'vitest';
import { renderCertificationHtml } from '../../src/certify/render-certification-html.js';
import { renderCertificationJson } from '../../src/certify/render-certification-json.js';
import { renderCertificationJunit } from '../../src/certify/render-certification-junit.js';
import { renderCertificationMarkdown } from '../../src/certify/render-certification-markdown.js';
import { parseXml, type XmlElement } from '../report/xml-well-formed.js';
import { sampleLoadSummary } from '../load/report/sample-load-summary.js';
import { sampleCertification } from './sample-certification.js';

const all = (element: XmlElement, name: string): XmlElement[] => [...(element.name === name ? [element] : []), ...element.children.flatMap((c) => all(c, name))];

describe('certification junit.xml', () => {
  it('holds the conformance testcases and one testsuite per load part, with recounted totals', () => {
    const summary = sampleCertification();
    const root = parseXml(renderCertificationJunit(summary));
    const suites = all(root, 'testsuite');
    const loadSuites = suites.filter((s) => s.attributes['name']!.startsWith('Load: '));
    expect(loadSuites.map((s) => s.attributes['name'])).toEqual(['Load: rate limit (rate-limit)', 'Load: throughput (throughput)']);
    const cases = all(root, 'testcase');
    expect(cases.length).toBe(summary.conformance.checks.length + 4 + 4);
    expect(Number(root.attributes['tests'])).toBe(cases.length);
    expect(Number(root.attributes['failures'])).toBe(all(root, 'failure').length);
    expect(Number(root.attributes['skipped'])).toBe(all(root, 'skipped').length);
    expect(root.attributes['name']).toBe('boca-harness certification http://127.0.0.1:8787: not certified');
    const throughputCases = all(loadSuites[1]!, 'testcase');
    expect(throughputCases.map((c) => c.attributes['name']!.split(':')[0])).toEqual(['thresholds', 'rate-limit accuracy', 'rate-limit behaviour', 'validity']);
    // The throughput run stays below the limit: accuracy does not apply.
    expect(all(throughputCases[1]!, 'skipped')).toHaveLength(1);
    expect(all(loadSuites[0]!, 'failure')).toHaveLength(0);
  });

  it('fails the accuracy and validity testcases of a load part that missed them', () => {
    const base = sampleLoadSummary();
    const summary = sampleCertification({
      rateLimit: sampleLoadSummary({ complete: false, rateLimit: { ...base.rateLimit, acceptedRateAboveLimit: 100, acceptedToDeclaredRatio: 2 } }),
    });
    const suite = all(parseXml(renderCertificationJunit(summary)), 'testsuite').find((s) => s.attributes['name'] === 'Load: rate limit (rate-limit)')!;
    const failures = all(suite, 'failure').map((f) => f.attributes['message']);
    expect(failures).toEqual([
      'The target accepted 100/s above its limit, 2.000× the declared 50/s (±5 % allowed, contract §6).',
      'Incomplete run: it was interrupted or stopped early, so these figures are partial.',
    ]);
    expect(suite.attributes['failures']).toBe('2');
  });
});

describe('certification.md and certification.json', () => {
  it('leads with the verdict and a table of parts, then every part in full', () => {
    const md = renderCertificationMarkdown(sampleCertification());
    expect(md.split('\n')[0]).toBe('# ❌ Partner API certification: NOT CERTIFIED: conformance failed');
    expect(md).toMatch(/\| Conformance \| ❌ FAILED: 2 of \d+ checks failed/);
    expect(md).toContain('| Rate limit | ✅ PASSED: no finding, 2 thresholds met |');
    expect(md).toContain('## ❌ Partner API conformance: FAILED');
    expect(md).toContain('## ✅ Load · rate-limit: PASSED');
    expect(md).toContain('## ✅ Load · throughput: PASSED');
  });

  it('is versioned JSON with the verdict, the conformance run and both load runs', () => {
    const summary = sampleCertification();
    const json = JSON.parse(renderCertificationJson(summary));
    expect(json.schemaVersion).toBe(1);
    expect(json.verdict.certified).toBe(false);
    expect(json.verdict.parts.map((p: { name: string }) => p.name)).toEqual(['conformance', 'rate-limit', 'throughput']);
    expect(json.conformance.checks['signature-tampered-body'].status).toBe('failed');
    expect(json.rateLimit).toEqual(JSON.parse(JSON.stringify(summary.rateLimit)));
    expect(json.throughput.scenario).toBe('throughput');
  });
});

describe('certification.html', () => {
  it('shows the verdict, the conformance sections and both load parts with their charts', () => {
    const html = renderCertificationHtml(sampleCertification());
    expect(html).toContain('<span class="badge">NOT CERTIFIED</span>');
    expect(html).toContain('<li class="check failed" id="check-signature-tampered-body">');
    expect(html).toContain('id="part-rate-limit"');
    expect(html).toContain('id="part-throughput"');
    // 3 charts for the rate-limit run; the throughput run has no 429, so no Retry-After histogram.
    expect(html.match(/<svg class="chart"/g)).toHaveLength(5);
    expect(html).toContain('id="rate-limit-rates"');
    expect(html).toContain('id="throughput-latency"');
    expect(html).toContain('no 429 answer in this run');
    expect(html).toMatch(/<script>[\s\S]*data-report-ready[\s\S]*<\/script>/);
    expect(html).toMatch(/script-src 'sha256-[A-Za-z0-9+/=]+'/);
  });
});
