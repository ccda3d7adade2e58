/**
 * Opens load.html in headless Chromium (Debian's `chromium`) and checks it
 * renders with its three charts (plotted paths and bars) and the accepted to
 * declared ratio. Fails, with the install command, when Chromium is missing.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderLoadHtml } from '../../../src/load/report/render-load-html.js';
import { dumpDom, pageDirectory, screenshot } from '../../report/headless-chromium.js';
import { sampleK6Summary, sampleLoadSummary } from './sample-load-summary.js';

/** Where to keep the screenshot for a person to look at (`BOCA_KEEP_SCREENSHOTS=dir`). */
const keepDir = process.env['BOCA_KEEP_SCREENSHOTS'];

describe('load.html in headless Chromium', () => {
  const pages = pageDirectory('boca-load-html-');
  const page = pages.page;

  it('renders the three charts with plotted lines and bars, and the ratio', { timeout: 60_000 }, async () => {
    const dom = await dumpDom(await page('load.html', renderLoadHtml(sampleLoadSummary())));
    const charts = dom.match(/<svg class="chart"[\s\S]*?<\/svg>/g) ?? [];
    expect(charts).toHaveLength(3);
    const [rates, latency, retryAfter] = charts;
    // Non-empty paths: the lines were plotted.
    expect(rates!.match(/<path d="M[\d.]+ [\d.]+L/g)?.length).toBeGreaterThanOrEqual(3);
    expect(rates).toContain('class="reference"');
    expect(latency!.match(/<path d="M[\d.]+ [\d.]+L/g)?.length).toBe(2);
    expect(retryAfter!.match(/<rect [^>]*class="bar tone-3"><title>/g)?.length).toBeGreaterThanOrEqual(1);
    expect(dom).toMatch(/<dd class="ratio ok">[01]\.\d{3}×<\/dd>/);
    expect(dom).toContain('<span class="badge">PASSED</span>');
  });

  it('says there is no timeline for a k6 run', { timeout: 60_000 }, async () => {
    const dom = await dumpDom(await page('k6.html', renderLoadHtml(sampleK6Summary())));
    expect(dom.match(/<svg class="chart"/g)).toHaveLength(1);
    expect(dom).toContain('this run has no per-second timeline');
  });

  it('paints a full page (screenshot)', { timeout: 60_000 }, async () => {
    const png = join(keepDir ?? pages.path(), 'load.png');
    await screenshot(await page('shot.html', renderLoadHtml(sampleLoadSummary())), png, { width: 1280, height: 2200 });
    const bytes = await readFile(png);
    expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([1280, 2200]);
    expect(bytes.length).toBeGreaterThan(50_000);
  });
});
