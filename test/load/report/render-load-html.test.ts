import { describe, expect, it } from 'vitest';
import { renderLoadHtml } from '../../../src/load/report/render-load-html.js';
import { sampleK6Summary, sampleLoadSummary } from './sample-load-summary.js';

const count = (text: string, pattern: RegExp): number => (text.match(pattern) ?? []).length;

describe('renderLoadHtml', () => {
  it('is one self-contained page: a strict CSP, no script, nothing fetched', () => {
    const html = renderLoadHtml(sampleLoadSummary());
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'">`);
    expect(html).not.toMatch(/<script|<link|@import|url\(|src=/i);
    expect(html).not.toMatch(/(href|xlink:href)="https?:/);
  });

  it('plots rates with the declared limit, latency percentiles and the Retry-After histogram', () => {
    const html = renderLoadHtml(sampleLoadSummary());
    expect(count(html, /<svg class="chart"/g)).toBe(3);
    expect(html).toContain('<title id="load-rates-title">Offered, accepted and throttled requests per second</title>');
    expect(html).toContain('declared limit 50/s');
    expect(html).toContain('data-series="accepted (2xx)"');
    expect(html).toContain('data-series="p99"');
    expect(html).toMatch(/<rect [^>]*class="bar tone-3"><title>1 s: \d+<\/title>/);
    expect(html).toMatch(/<dt>Accepted \/ declared limit<\/dt><dd class="ratio ok">[01]\.\d{3}×<\/dd>/);
    expect(html).toContain('<span class="badge">PASSED</span>');
  });

  it('says so instead of drawing empty plots when there is no timeline (k6)', () => {
    const html = renderLoadHtml(sampleK6Summary());
    expect(count(html, /<svg class="chart"/g)).toBe(1);
    expect(count(html, /has no per-second timeline/g)).toBe(2);
  });

  it('escapes what the target sent', () => {
    const base = sampleLoadSummary();
    const html = renderLoadHtml(
      sampleLoadSummary({
        target: 'http://x/"><script>alert(1)</script>',
        rateLimit: { ...base.rateLimit, retryAfterSeconds: { '<b>': 1 }, headerCoherence: { present: true, checked: 1, incoherent: 1, examples: ['<img src=x onerror=alert(1)>'] } },
      }),
    );
    expect(html).not.toMatch(/<script|<img|<b>/);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('http://x/&quot;&gt;&lt;script&gt;');
  });
});
