import { describe, expect, it } from 'vitest';
import { renderLoadMarkdown } from '../../../src/load/report/render-load-markdown.js';
import { sampleK6Summary, sampleLoadSummary } from './sample-load-summary.js';

describe('renderLoadMarkdown', () => {
  it('leads with the verdict and shows totals, latency per status class, the 429 analysis and thresholds', () => {
    const md = renderLoadMarkdown(sampleLoadSummary());
    expect(md.split('\n')[0]).toBe('## ✅ Load · rate-limit: PASSED: no finding, 2 thresholds met');
    expect(md).toContain('**Target** `http://127.0.0.1:8787` · **Run** `20260302-140509-rl42` · **Engine** node · **Scenario** `rate-limit`');
    expect(md).toContain('| Offered | Sent | Dropped | Completed | Achieved rate |');
    expect(md).toMatch(/\| 2xx answers \| [\d,]+ \| [\d.]+ ms \|/);
    expect(md).toMatch(/\| 429 answers \| [\d,]+ \|/);
    expect(md).toMatch(/\| Accepted rate above the limit \(steady state\) \| ✅ \d+(\.\d)?\/s: [01]\.\d{3}× the declared limit \(±5 % allowed\) \|/);
    expect(md).toContain('| Declared limit | 50/s, burst 50 |');
    expect(md).toContain('| Share of 429 below the limit | 0.0 % |');
    expect(md).toContain('| Retry-After honesty | ✅ 10 requests sent after waiting it out, 0 throttled again |');
    expect(md).toContain('| ✅ met | `http_req_duration{status:201}` | `p(99)<500` | 11.9 |');
    expect(md).toContain('Generator: 2 workers, event-loop lag p99 1.2 ms, dispatch lag p99 0.4 ms.');
    expect(md).not.toContain('Findings');
  });

  it('warns about incomplete and invalid runs and lists findings', () => {
    const md = renderLoadMarkdown(
      sampleK6Summary({
        complete: false,
        valid: false,
        invalidReasons: ['event-loop lag p99 84 ms'],
        thresholds: [{ metric: 'http_req_failed', expression: 'rate<0.01', passed: false, observed: 0.2 }],
      }),
    );
    expect(md.split('\n')[0]).toBe('## ❌ Load · rate-limit: FAILED: 1 finding (invalid run, incomplete run)');
    expect(md).toContain('> [!WARNING]\n> Incomplete run: it was interrupted or stopped early, so these figures are partial.');
    expect(md).toContain('> Invalid run: the load generator saturated (event-loop lag p99 84 ms), so the figures understate what the target can do.');
    expect(md).toContain('### Findings\n\n- Threshold http\\_req\\_failed rate&lt;0.01 failed (observed 0.2).');
    expect(md).toContain('| ❌ failed | `http_req_failed` | `rate<0.01` | 0.2 |');
  });

  it.each([
    ['request-cap', 'it stopped at the cap on requests per run'],
    ['interrupted', 'it was interrupted'],
  ] as const)('says why an incomplete run stopped early (%s)', (stoppedEarly, why) => {
    expect(renderLoadMarkdown(sampleLoadSummary({ complete: false, stoppedEarly }))).toContain(`> Incomplete run: ${why}, so these figures are partial.`);
  });

  it('escapes what the target sent', () => {
    const base = sampleLoadSummary();
    const md = renderLoadMarkdown(
      sampleLoadSummary({
        target: 'http://x/`a`|b',
        rateLimit: { ...base.rateLimit, headerCoherence: { present: true, checked: 1, incoherent: 1, examples: ['429 at 1.000 s: <img src=x> | *bold*'] } },
      }),
    );
    expect(md).toContain('- 429 at 1.000 s: &lt;img src=x&gt; \\| \\*bold\\*');
    expect(md).toContain('``http://x/`a`|b``');
  });
});
