import { describe, expect, it } from 'vitest';
import { renderSummaryJson, summarySchemaVersion } from '../../src/report/render-summary-json.js';
import { incompleteSummary, sampleSummary } from './sample-summary.js';

describe('renderSummaryJson', () => {
  const text = renderSummaryJson(sampleSummary());
  const document = JSON.parse(text);

  it('is pretty, versioned and stable', () => {
    expect(document.schemaVersion).toBe(summarySchemaVersion);
    expect(text.startsWith('{\n  "schemaVersion": 1,\n  "runId": "20260302-140509-7f3a",')).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
    expect(renderSummaryJson(sampleSummary())).toBe(text);
  });

  it('has run metadata, verdict and totals', () => {
    expect(document).toMatchObject({
      target: 'http://127.0.0.1:8787',
      complete: true,
      seed: -1204316752,
      verdict: { outcome: 'failed', headline: 'FAILED: 2 of 6 checks failed, 1 errored, 1 skipped' },
      totals: { passed: 2, failed: 2, skipped: 1, errored: 1, requests: 381 },
    });
    expect(JSON.parse(renderSummaryJson(incompleteSummary())).complete).toBe(false);
  });

  it('keys checks by id in run order, with status, reason and requests', () => {
    expect(Object.keys(document.checks)).toEqual([
      'success-valid-user',
      'validation-single-field',
      'signature-tampered-body',
      'idempotency-sequential-replay',
      'idempotency-key-per-partner',
      'rate-limit-retry-after',
    ]);
    expect(document.checks['idempotency-key-per-partner']).toMatchObject({
      section: '§4',
      sectionTitle: 'Idempotency-Key',
      status: 'skipped',
      reason: 'needs a second partner: set BOCA_API_KEY_2 and BOCA_API_SECRET_2',
      requests: 0,
      failures: [],
    });
    expect(document.checks['rate-limit-retry-after'].status).toBe('errored');
  });

  it('records each failure with request, response, seed, path, curl and replay', () => {
    const [failure] = document.checks['signature-tampered-body'].failures;
    expect(failure).toMatchObject({
      id: 'signature-tampered-body#1',
      expected: '401 unauthorized (the signature no longer matches the body bytes)',
      seed: -1204316752,
      path: '17:0:2',
      replay: 'boca-harness replay signature-tampered-body#1 --target http://127.0.0.1:8787',
      counterexample: { tamper: { kind: 'body-byte' } },
    });
    expect(failure.curl).toMatch(/^curl -sS -i -w '\\n' -X POST/);
    const [exchange] = failure.exchanges;
    expect(exchange.request).toMatchObject({ method: 'POST', path: '/v1/users', headers: { 'x-api-key': 'pk_sandbox_partner1' } });
    expect(exchange.request.body).toContain('"firstName":"Zoe"');
    expect(exchange.response).toMatchObject({ status: 201, headers: { 'content-type': 'application/json; charset=utf-8' } });
    expect(exchange.response.json).toBeUndefined();
    expect(exchange.canonicalString).toMatch(/^POST\n\/v1\/users\n2026-03-02T14:05:11.004Z\n[0-9a-f]{64}$/);
  });

  it('never throws on counterexamples JSON cannot hold', () => {
    const summary = sampleSummary();
    const cyclic: Record<string, unknown> = { big: 10n };
    cyclic['self'] = cyclic;
    const checks = summary.checks.map((c) => ({ ...c, failures: c.failures.map((f) => ({ ...f, counterexample: cyclic })) }));
    const [failure] = JSON.parse(renderSummaryJson({ ...summary, checks })).checks['signature-tampered-body'].failures;
    expect(failure.counterexample).toEqual({ big: '10n', self: '[Circular]' });
  });
});
