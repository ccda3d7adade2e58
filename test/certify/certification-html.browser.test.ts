/**
 * Opens certification.html in headless Chromium: it renders, its script runs
 * under its Content-Security-Policy, the conformance failure is shown open,
 * and both load parts show their charts.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderCertificationHtml } from '../../src/certify/render-certification-html.js';
import { dumpDom, pageDirectory, screenshot } from '../report/headless-chromium.js';
import { sampleCertification } from './sample-certification.js';

const keepDir = process.env['BOCA_KEEP_SCREENSHOTS'];

describe('certification.html in headless Chromium', () => {
  const pages = pageDirectory('boca-certification-html-');
  let url: string;
  beforeAll(async () => {
    url = await pages.page('certification.html', renderCertificationHtml(sampleCertification()));
  });

  it('renders the conformance failure and the load charts', { timeout: 60_000 }, async () => {
    const dom = await dumpDom(url);
    expect(dom).toMatch(/<html lang="en" data-report-ready="true">/);
    expect(dom).toContain('<span class="badge">NOT CERTIFIED</span>');
    expect(dom).toMatch(/<details class="failure" open="" id="check-signature-tampered-body-f1">/);
    expect(dom).toContain('A request whose body changed after signing was accepted');
    const charts = dom.match(/<svg class="chart"[\s\S]*?<\/svg>/g) ?? [];
    expect(charts).toHaveLength(5);
    for (const chart of charts) expect(chart).toMatch(/<path d="M[\d.]+ [\d.]+L|<rect [^>]*class="bar tone-3"><title>/);
    expect(dom).toMatch(/<dd class="ratio ok">[01]\.\d{3}×<\/dd>/);
  });

  it('paints a full page (screenshot)', { timeout: 60_000 }, async () => {
    const png = join(keepDir ?? pages.path(), 'certification.png');
    await screenshot(url, png, { width: 1280, height: 4000 });
    const bytes = await readFile(png);
    expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(bytes.length).toBeGreaterThan(50_000);
  });
});
