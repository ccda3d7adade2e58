import { describe, expect, it } from 'vitest';
import { renderJunit } from '../../src/report/render-junit.js';
import { incompleteSummary, sampleSummary, summaryWithResponseBody } from './sample-summary.js';
import { findAll, parseXml } from './xml-well-formed.js';

const counts = (element: { attributes: Readonly<Record<string, string>> }) => {
  const { tests, failures, errors, skipped } = element.attributes;
  return { tests, failures, errors, skipped };
};

describe('renderJunit', () => {
  const summary = sampleSummary();
  const root = parseXml(renderJunit(summary));

  it('is well-formed XML with the right counts on <testsuites>', () => {
    expect(root.name).toBe('testsuites');
    expect(counts(root)).toEqual({ tests: '6', failures: '2', errors: '1', skipped: '1' });
    expect(root.attributes['time']).toBe('4.731');
    expect(root.attributes['timestamp']).toBe(summary.startedAt);
  });

  it('has one suite per contract section with its own counts, and one testcase per check', () => {
    const suites = findAll(root, 'testsuite');
    expect(suites.map((s) => s.attributes['name'])).toEqual([
      '§1 Authentication and signature',
      '§3 Request body and field rules',
      '§4 Idempotency-Key',
      '§5 Responses',
      '§6 Rate limit',
    ]);
    expect(counts(suites[2]!)).toEqual({ tests: '2', failures: '1', errors: '0', skipped: '1' });
    const cases = findAll(root, 'testcase');
    expect(cases).toHaveLength(6);
    const tampered = cases.find((c) => c.attributes['name']!.startsWith('signature-tampered-body: '))!;
    expect(tampered.attributes['classname']).toBe('§1 Authentication and signature');
    expect(tampered.attributes['time']).toBe('0.096');
  });

  it('puts message, expected/actual and the reproduction in <failure>', () => {
    const tampered = findAll(root, 'testcase').find((c) => c.attributes['name']!.startsWith('signature-tampered-body'))!;
    const [failure] = findAll(tampered, 'failure');
    expect(failure!.attributes['message']).toContain('A request whose body changed after signing was accepted');
    expect(failure!.attributes['message']).toContain('expected 401 unauthorized');
    expect(failure!.attributes['type']).toBe('contract-violation §1');
    expect(failure!.text).toContain('actual:   201 Created');
    expect(failure!.text).toContain("curl -sS -i -w '\\n' -X POST http://127.0.0.1:8787/v1/users");
    expect(failure!.text).toContain(`-H 'x-api-key: pk_sandbox_partner1'`);
    expect(failure!.text).toContain('boca-harness replay signature-tampered-body#1 --target http://127.0.0.1:8787');
    expect(failure!.text).toContain('seed: -1204316752  path: 17:0:2');
  });

  it('marks skipped checks with their reason and errored ones with <error>', () => {
    const cases = findAll(root, 'testcase');
    const skipped = findAll(cases.find((c) => c.attributes['name']!.startsWith('idempotency-key-per-partner'))!, 'skipped');
    expect(skipped[0]!.attributes['message']).toBe('needs a second partner: set BOCA_API_KEY_2 and BOCA_API_SECRET_2');
    const [error] = findAll(cases.find((c) => c.attributes['name']!.startsWith('rate-limit-retry-after'))!, 'error');
    expect(error!.attributes['message']).toBe("TypeError: Cannot read properties of undefined (reading 'retryAfter')");
    expect(error!.text).toContain('rate-limit-retry-after.ts:41:22');
  });

  it('stays well-formed with markup, quotes and characters XML 1.0 forbids in target output', () => {
    const hostile = 'a]]><b attr="x">&amp;\u0000\u0007\u001b[31m\uFFFE \uD800 </testcase>\'"';
    const xml = renderJunit(summaryWithResponseBody(hostile, { 'x-weird': '\u0001<"&>' }));
    const parsed = parseXml(xml);
    const failure = findAll(parsed, 'failure')[0]!;
    expect(failure.attributes['message']).toContain('\\u0000\\u0007\\u001B[31m\\uFFFE \\uD800 </testcase>\'"');
    expect(failure.text).toContain('a]]><b attr="x">&amp;\\u0000');
    expect(failure.text).toContain('x-weird: \\u0001<"&>');
  });

  it('keeps line breaks in attribute values', () => {
    const summary = sampleSummary();
    const xml = renderJunit({ ...summary, checks: summary.checks.map((c) => ({ ...c, reason: c.status === 'skipped' ? 'line one\nline two' : c.reason })) });
    const skipped = findAll(parseXml(xml), 'skipped')[0]!;
    expect(skipped.attributes['message']).toBe('line one\nline two');
  });

  it('names an incomplete run and is well-formed with no checks at all', () => {
    expect(parseXml(renderJunit(incompleteSummary())).attributes['name']).toContain('(incomplete run)');
    const empty = parseXml(renderJunit({ ...sampleSummary(), checks: [] }));
    expect(counts(empty)).toEqual({ tests: '0', failures: '0', errors: '0', skipped: '0' });
  });
});
