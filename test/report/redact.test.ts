import { describe, expect, it } from 'vitest';
import { redact, secretForms } from '../../src/report/redact.js';

const secret = 'sk_sandbox_partner1_do_not_use_in_production';

describe('redact', () => {
  it('removes the raw secret, its base64 and hex forms', () => {
    const b64 = Buffer.from(secret).toString('base64');
    const hex = Buffer.from(secret).toString('hex');
    const text = `raw ${secret} b64 ${b64} url ${Buffer.from(secret).toString('base64url')} hex ${hex} HEX ${hex.toUpperCase()}`;
    expect(redact(text, [secret])).toBe('raw [REDACTED] b64 [REDACTED] url [REDACTED] hex [REDACTED] HEX [REDACTED]');
  });

  it('removes the escaped forms a secret takes in JSON, HTML and URLs', () => {
    const odd = `s3cr"et<&>/'+ü`;
    const forms = [JSON.stringify(odd).slice(1, -1), 's3cr&quot;et&lt;&amp;&gt;/&#39;+ü', encodeURIComponent(odd)];
    for (const form of forms) expect(redact(`[${form}]`, [odd])).toBe('[[REDACTED]]');
    expect(secretForms(odd)).toEqual(expect.arrayContaining(forms));
  });

  it('handles several secrets, leaves other text alone and ignores empty secrets', () => {
    expect(redact('a=one b=two c=three', ['one', 'two', ''])).toBe('a=[REDACTED] b=[REDACTED] c=three');
    expect(redact('nothing secret here', [])).toBe('nothing secret here');
  });

  it('replaces longer forms first, so no fragment of a longer one is left', () => {
    // The secret is a prefix of its own hex form's digits here: hex must go first.
    expect(redact('x 61626364 x', ['abcd', '6162'])).toBe('x [REDACTED] x');
  });
});
