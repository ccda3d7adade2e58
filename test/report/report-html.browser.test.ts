/**
 * Opens report.html in headless Chromium (Debian's `chromium`) and checks
 * that it renders, runs its own script under its Content-Security-Policy,
 * shows the failing check, and renders hostile target output as text.
 * Fails, with the install command, when Chromium is missing.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderHtml } from '../../src/report/render-html.js';
import { dumpDom, pageDirectory, screenshot } from './headless-chromium.js';
import { sampleSummary, summaryWithResponseBody } from './sample-summary.js';

describe('report.html in headless Chromium', () => {
  const pages = pageDirectory('boca-report-html-');
  const page = pages.page;

  it('renders, runs its script and shows the failing check open', { timeout: 60_000 }, async () => {
    const dom = await dumpDom(await page('report.html', renderHtml(sampleSummary())));
    // Set by the page's script: it ran, so its CSP hash is right.
    expect(dom).toMatch(/<html lang="en" data-report-ready="true">/);
    expect(dom).toContain('<span class="badge">FAILED</span>');
    expect(dom).toContain('<li class="check failed" id="check-signature-tampered-body">');
    expect(dom).toMatch(/<details class="failure" open="" id="check-signature-tampered-body-f1">/);
    expect(dom).toContain('A request whose body changed after signing was accepted');
    expect(dom).toContain('boca-harness replay signature-tampered-body#1 --target http://127.0.0.1:8787');
    // The script revealed the copy buttons.
    expect(dom).toContain('<button type="button" class="copy" data-copy="check-signature-tampered-body-f1-curl">Copy</button>');
  });

  it('shows a response body with markup as text and runs none of it', { timeout: 60_000 }, async () => {
    const hostile = `<script>document.documentElement.dataset.pwned = '1'</script><img src=x onerror="document.title='pwned'">`;
    const dom = await dumpDom(await page('hostile.html', renderHtml(summaryWithResponseBody(hostile, { 'x-note': '<b>bold?</b>' }))));
    expect(dom).toContain('data-report-ready="true"');
    expect(dom).not.toContain('data-pwned');
    expect(dom).not.toContain('<title>pwned</title>');
    expect(dom).not.toMatch(/<img\b/);
    expect(dom).not.toContain('<b>bold?</b>');
    expect(dom).toContain('&lt;script&gt;document.documentElement.dataset.pwned = \'1\'&lt;/script&gt;');
    expect(dom).toContain('&lt;b&gt;bold?&lt;/b&gt;');
  });

  it('paints a full page (screenshot)', { timeout: 60_000 }, async () => {
    const png = join(pages.path(), 'report.png');
    await screenshot(await page('shot.html', renderHtml(sampleSummary())), png, { width: 1280, height: 2000 });
    const bytes = await readFile(png);
    expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([1280, 2000]);
    // A blank page compresses to a few KB; the report is text, colour and borders.
    expect(bytes.length).toBeGreaterThan(50_000);
  });
});
