import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/report/render-markdown.js';
import { incompleteSummary, sampleSummary, summaryWithResponseBody } from './sample-summary.js';

describe('renderMarkdown', () => {
  const md = renderMarkdown(sampleSummary());

  it('leads with the verdict and totals', () => {
    expect(md.split('\n')[0]).toBe('## ❌ Partner API conformance: FAILED: 2 of 6 checks failed, 1 errored, 1 skipped');
    expect(md).toContain('| 2 | 2 | 1 | 1 | 381 |');
    expect(md).toContain('**Target** `http://127.0.0.1:8787`');
    expect(md).not.toContain('Incomplete run');
  });

  it('has one table row per check, grouped under its section', () => {
    const rows = md.split('\n').filter((line) => /^\| (✅|❌|⏭️|💥) /.test(line));
    expect(rows).toHaveLength(6);
    expect(rows.find((r) => r.includes('`signature-tampered-body`'))).toMatch(/^\| ❌ failed \| `signature-tampered-body` \| .* \| 18 \| 96 ms \|$/);
    const section4 = md.indexOf('### §4 Idempotency-Key');
    expect(md.indexOf('`idempotency-key-per-partner`')).toBeGreaterThan(section4);
    expect(md.indexOf('`idempotency-key-per-partner`')).toBeLessThan(md.indexOf('### §5 Responses'));
  });

  it('details each failure: expected/actual, decisive exchange, curl and replay', () => {
    expect(md).toContain('### ❌ `signature-tampered-body` (§1): `signature-tampered-body#1`');
    expect(md).toContain('| **Expected** | 401 unauthorized (the signature no longer matches the body bytes) |');
    expect(md).toContain('| **Actual** | 201 Created, user 3f0c2b8e-5d7a-4c1e-9b2f-6a8d0e4c7b15 created |');
    expect(md).toContain('```http\n> POST http://127.0.0.1:8787/v1/users');
    expect(md).toContain('< HTTP 201');
    expect(md).toContain('```sh\ncurl -sS -i -w \'\\n\' -X POST http://127.0.0.1:8787/v1/users \\\n');
    expect(md).toContain('```sh\nboca-harness replay signature-tampered-body#1 --target http://127.0.0.1:8787\n```');
    expect(md).toContain('Earlier exchanges: `e1530` POST /v1/users → 201');
  });

  it('lists skipped checks with their reasons and errored ones with the harness error', () => {
    expect(md).toContain('- `idempotency-key-per-partner` (§4): needs a second partner: set BOCA\\_API\\_KEY\\_2 and BOCA\\_API\\_SECRET\\_2');
    expect(md).toContain("TypeError: Cannot read properties of undefined (reading 'retryAfter')");
  });

  it('shows a banner for an incomplete run', () => {
    const incomplete = renderMarkdown(incompleteSummary());
    expect(incomplete).toContain('> [!WARNING]\n> **Incomplete run.**');
    expect(incomplete.split('\n')[0]).toContain('(incomplete run)');
  });

  it('cannot be broken by target output: fences outgrow backtick runs, long bodies are cut', () => {
    const body = `\`\`\`\`\n# not a heading\n<details open>${'x'.repeat(5000)}`;
    const out = renderMarkdown(summaryWithResponseBody(body), { maxBodyChars: 1000 });
    expect(out).toContain('`````http\n> POST');
    expect(out).toMatch(/… \(\d+ more characters\)/);
    // In the actual row the markup is inert: entities and no raw tag.
    expect(out).toContain('| **Actual** | 201 with body \\`\\`\\`\\` # not a heading &lt;details open&gt;');
  });
});
