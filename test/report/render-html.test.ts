import { describe, expect, it } from 'vitest';
import { renderHtml } from '../../src/report/render-html.js';
import { incompleteSummary, sampleSummary, summaryWithResponseBody } from './sample-summary.js';

describe('renderHtml', () => {
  const html = renderHtml(sampleSummary());

  it('is one self-contained page: no external resource of any kind', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toMatch(/<(link|img|iframe|object|embed)\b/i);
    expect(html).not.toMatch(/<script[^>]*\bsrc=/i);
    expect(html).not.toMatch(/@import|@font-face|url\(/i);
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-[A-Za-z0-9+/]+=*';/);
    expect(html.match(/<script>/g)).toHaveLength(1);
  });

  it('has a header with verdict, target, run id, seed, duration and totals', () => {
    expect(html).toContain('<span class="badge">FAILED</span> 2 of 6 checks failed, 1 errored, 1 skipped</h1>');
    for (const value of ['http://127.0.0.1:8787', '20260302-140509-7f3a', '-1204316752', '4.7 s', '381']) expect(html).toContain(`<dd class="mono">${value}</dd>`);
    expect(html).toContain('<li class="s-failed"><b>2</b> failed</li>');
    expect(html).not.toContain('class="banner"');
  });

  it('groups checks by contract section, in contract order', () => {
    const sections = [...html.matchAll(/<section class="section" id="section-(\d)">/g)].map((m) => m[1]);
    expect(sections).toEqual(['1', '3', '4', '5', '6']);
    const section4 = html.slice(html.indexOf('id="section-4"'), html.indexOf('id="section-5"'));
    expect(section4).toContain('<li class="check failed" id="check-idempotency-sequential-replay">');
    expect(section4).toContain('<li class="check skipped" id="check-idempotency-key-per-partner">');
    expect(section4).toContain('Skipped: needs a second partner: set BOCA_API_KEY_2 and BOCA_API_SECRET_2');
  });

  it('shows each failure open with expected vs actual, exchanges and the reproduction', () => {
    expect(html).toContain('<details class="failure" open id="check-signature-tampered-body-f1">');
    expect(html).toContain('<div class="expected"><h4>Expected</h4><p>401 unauthorized (the signature no longer matches the body bytes)</p></div>');
    expect(html).toContain('<div class="actual"><h4>Actual</h4><p>201 Created, user 3f0c2b8e-5d7a-4c1e-9b2f-6a8d0e4c7b15 created</p></div>');
    expect(html).toContain('<p class="mono">HTTP 201</p>');
    // The response body is pretty-printed.
    expect(html).toContain('{\n  &quot;userId&quot;: &quot;3f0c2b8e-5d7a-4c1e-9b2f-6a8d0e4c7b15&quot;,');
    expect(html).toContain('<pre id="check-signature-tampered-body-f1-curl">curl -sS -i -w &#39;\\n&#39; -X POST http://127.0.0.1:8787/v1/users \\');
    expect(html).toContain('<pre id="check-signature-tampered-body-f1-replay">boca-harness replay signature-tampered-body#1 --target http://127.0.0.1:8787</pre>');
    expect(html).toContain('data-copy="check-signature-tampered-body-f1-curl"');
    // Of two exchanges only the decisive (last) one is open.
    const idem = html.slice(html.indexOf('id="check-idempotency-sequential-replay-f1"'));
    expect(idem.indexOf('<details class="exchange">')).toBeLessThan(idem.indexOf('<details class="exchange" open>'));
  });

  it('shows the harness error of an errored check', () => {
    expect(html).toContain('The harness failed on this check (not a finding about the target):</p><pre>TypeError: Cannot read properties of undefined (reading &#39;retryAfter&#39;)');
  });

  it('shows a banner for an incomplete run', () => {
    const incomplete = renderHtml(incompleteSummary());
    expect(incomplete).toContain('<div class="banner" role="alert"><strong>Incomplete run.</strong>');
  });

  it('renders markup from the target as text, in bodies, headers and messages', () => {
    const page = renderHtml(summaryWithResponseBody('<script>alert(1)</script>', { 'x-evil"><script>alert(2)</script>': '<img src=x onerror=alert(3)>' }));
    expect(page).not.toContain('<script>alert');
    expect(page).not.toContain('<img');
    expect(page).toContain('<pre>&lt;script&gt;alert(1)&lt;/script&gt;</pre>');
    expect(page).toContain('<p>201 with body &lt;script&gt;alert(1)&lt;/script&gt;</p>');
    expect(page).toContain('<tr><th>x-evil&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;</th><td>&lt;img src=x onerror=alert(3)&gt;</td></tr>');
  });
});
