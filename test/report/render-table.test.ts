import { describe, expect, it } from 'vitest';
import { renderTable } from '../../src/report/render-table.js';
import { sampleSummary, summaryWithResponseBody } from './sample-summary.js';

describe('renderTable', () => {
  const plain = renderTable(sampleSummary(), { color: false, width: 100 });
  const lines = plain.split('\n');

  it('has one row per check with status, id, section, requests and time', () => {
    expect(lines[0]).toMatch(/^status\s+check\s+sect\s+requests\s+time$/);
    expect(lines).toContain('✗ failed    signature-tampered-body        §1          18      96 ms');
    expect(lines).toContain('○ skipped   idempotency-key-per-partner    §4           0       0 ms');
    expect(lines).toContain('! errored   rate-limit-retry-after         §6          61      2.0 s');
  });

  it('gives skip and error reasons, and ends every failure with its reproduction', () => {
    expect(plain).toContain('○ idempotency-key-per-partner skipped\n    needs a second partner: set BOCA_API_KEY_2 and BOCA_API_SECRET_2');
    const block = plain.slice(plain.indexOf('✗ signature-tampered-body#1 (§1 Authentication and signature)'), plain.indexOf('✗ idempotency-sequential-replay#1 (§4'));
    expect(block).toContain('expected: 401 unauthorized');
    expect(block).toContain('actual:   201 Created');
    expect(block).toContain('reproduce:\n    curl -sS -i -w \'\\n\' -X POST http://127.0.0.1:8787/v1/users \\');
    expect(block.trimEnd().endsWith('boca-harness replay signature-tampered-body#1 --target http://127.0.0.1:8787')).toBe(true);
    expect(lines.at(-3)).toBe('FAILED: 2 of 6 checks failed, 1 errored, 1 skipped');
  });

  it('fits the width except for the reproduction commands', () => {
    const narrow = renderTable(sampleSummary(), { color: false, width: 72 });
    const reproduction = /^\s+(curl |-H |--data-binary |boca-harness replay )/;
    for (const line of narrow.split('\n').filter((l) => !reproduction.test(l))) expect([...line].length).toBeLessThanOrEqual(72);
  });

  it('colours only when asked, and never passes the target\'s escape sequences to the terminal', () => {
    expect(plain).not.toContain('\u001b');
    const colored = renderTable(sampleSummary(), { color: true, width: 100 });
    expect(colored).toContain('\u001b[31m✗ failed  \u001b[0m');
    const hostile = renderTable(summaryWithResponseBody('\u001b]0;owned\u0007\u009b2J'), { color: false });
    expect(hostile).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(hostile).toContain('\\u001B]0;owned\\u0007\\u009B2J');
  });
});
