import { describe, expect, it } from 'vitest';
import { defaultFieldRules } from '../../src/contract/field-rules.js';
import { defaultProfile } from '../../src/contract/profile.js';
import { resolveConfig } from '../../src/config/index.js';
import { isUsageError } from '../../src/errors.js';
import { signingPresets } from '../../src/signing/presets.js';

const source = '/project/boca.config.json';

/** The message of the usage error `resolveConfig` throws for `raw`. */
function problemsOf(raw: unknown, env: Record<string, string | undefined> = {}): string {
  try {
    resolveConfig(raw, env, source);
  } catch (error) {
    expect(isUsageError(error)).toBe(true);
    expect((error as { code: string }).code).toBe('BOCA_CONFIG');
    return (error as Error).message;
  }
  throw new Error('expected resolveConfig to throw');
}

describe('resolveConfig: defaults and overrides', () => {
  it('gives the default profile and empty sections for no file', () => {
    const config = resolveConfig(undefined, {});
    expect(config.profile).toEqual(defaultProfile);
    expect(config).toEqual({ profile: defaultProfile, allowHosts: [], partners: {}, sandbox: {} });
  });

  it('deep-merges overrides and keeps every other default', () => {
    const config = resolveConfig(
      {
        $schema: './boca.config.schema.json',
        target: 'https://partner-api.example.com',
        allowHosts: ['staging.example.com', '10.0.0.7'],
        profile: {
          clockSkew: { windowSeconds: 120 },
          rateLimit: { requestsPerSecond: 2.5 },
          fields: { city: { maxLength: 50 }, province: { values: ['ON', 'QC'] } },
          postalCodeProvinceCheck: true,
        },
        sandbox: { port: 0 },
      },
      {},
      source,
    );
    expect(config.target).toBe('https://partner-api.example.com');
    expect(config.allowHosts).toEqual(['staging.example.com', '10.0.0.7']);
    expect(config.source).toBe(source);
    expect(config.sandbox).toEqual({ port: 0 });
    expect(config.profile.clockSkew).toEqual({ windowSeconds: 120, marginSeconds: 30 });
    expect(config.profile.rateLimit).toEqual({ ...defaultProfile.rateLimit, requestsPerSecond: 2.5 });
    expect(config.profile.fields.city).toEqual({ ...defaultFieldRules.city, maxLength: 50 });
    expect(config.profile.fields.province).toEqual({ kind: 'enum', required: true, values: ['ON', 'QC'] });
    expect(config.profile.fields.email).toBe(defaultFieldRules.email);
    expect(config.profile.postalCodeProvinceCheck).toBe(true);
    expect(config.profile.signing).toEqual(defaultProfile.signing);
  });

  it('applies a signing preset before the explicit signing fields', () => {
    const config = resolveConfig({ profile: { signing: { preset: 'slack', signaturePrefix: 'v1=' } } }, {});
    expect(config.profile.signing).toEqual({ ...signingPresets.slack, signaturePrefix: 'v1=' });
  });

  it('accepts templates using only the known placeholders', () => {
    const template = '{API_KEY}:{METHOD} {PATH}\n{TIMESTAMP}.{BODY}|{BODY_SHA256} {literal braces}';
    expect(resolveConfig({ profile: { signing: { template } } }, {}).profile.signing.template).toBe(template);
  });

  it.each(['http://127.0.0.1:8080', 'https://partner-api.example.com/base/', 'http://localhost:3000'])('accepts the target %s', (target) => {
    expect(resolveConfig({ target }, {}).target).toBe(target);
  });

  it('keeps the sandbox partners of the file', () => {
    const partners = [{ apiKey: 'pk_1', secret: 'c2VjcmV0' }];
    const config = resolveConfig({ sandbox: { partners }, profile: { signing: { secretEncoding: 'base64' } } }, {});
    expect(config.sandbox.partners).toEqual(partners);
  });

  it('reads credentials from the environment', () => {
    const env = { BOCA_API_KEY: 'pk_a', BOCA_API_SECRET: 'sk_a', BOCA_API_KEY_2: 'pk_b', BOCA_API_SECRET_2: 'sk_b' };
    expect(resolveConfig({}, env).partners).toEqual({ primary: { apiKey: 'pk_a', secret: 'sk_a' }, secondary: { apiKey: 'pk_b', secret: 'sk_b' } });
  });
});

describe('resolveConfig: rejected values name the key and the expected form', () => {
  it.each([
    [{ profile: { clockSkew: { windowSeconds: -5 } } }, 'profile.clockSkew.windowSeconds: got -5; expected a positive integer (seconds)'],
    [{ profile: { clockSkew: { windowSeconds: '300' } } }, 'profile.clockSkew.windowSeconds: got "300"; expected a positive integer (seconds)'],
    [{ profile: { clockSkew: { windowSeconds: 1.5 } } }, 'profile.clockSkew.windowSeconds: got 1.5; expected a positive integer (seconds)'],
    [{ profile: { idempotency: { mismatchStatus: 401 } } }, 'profile.idempotency.mismatchStatus: got 401; expected one of 400, 409, 422'],
    [{ profile: { signing: { preset: 'aws' } } }, 'profile.signing.preset: got "aws"; expected one of "default", "stripe", "slack", "base64"'],
    [{ profile: { signing: { secretEncoding: 'latin1' } } }, 'profile.signing.secretEncoding: got "latin1"; expected one of "utf8", "hex", "base64"'],
    [{ profile: { headers: { apiKey: 'X Api Key' } } }, 'profile.headers.apiKey: got "X Api Key"; expected an HTTP header name'],
    [{ profile: { endpoint: { path: 'v1/users' } } }, 'profile.endpoint.path: got "v1/users"; expected a URL path starting with "/"'],
    [{ profile: { maxBodyBytes: 0 } }, 'profile.maxBodyBytes: got 0; expected a positive integer (bytes)'],
    [{ profile: { postalCodeProvinceCheck: 'yes' } }, 'profile.postalCodeProvinceCheck: got "yes"; expected true or false'],
    [{ profile: { fields: { city: { maxLength: null } } } }, 'profile.fields.city.maxLength: got null; expected a positive integer (characters)'],
    [{ profile: { fields: { province: { values: [] } } } }, 'profile.fields.province.values: got an empty array; expected a non-empty array of strings'],
    [{ profile: { fields: { dateOfBirth: { minDate: '1900-02-30' } } } }, 'profile.fields.dateOfBirth.minDate: got "1900-02-30"; expected a real calendar date as YYYY-MM-DD'],
    [{ profile: { fields: { externalId: { pattern: '[a-' } } } }, 'profile.fields.externalId.pattern: got "[a-"; expected a regular expression that compiles with the "u" flag'],
    [{ profile: { fields: { email: { pattern: '\\p{Nope}' } } } }, 'profile.fields.email.pattern: got "\\\\p{Nope}"; expected a regular expression that compiles with the "u" flag'],
    [{ target: 'ftp://example.com' }, 'target: got "ftp://example.com"; expected an absolute http(s) URL'],
    [{ target: 'example.com' }, 'target: got "example.com"; expected an absolute http(s) URL'],
    [{ allowHosts: ['https://x.example.com'] }, 'allowHosts[0]: got "https://x.example.com"; expected a host name or IP address without scheme or port'],
    [{ allowHosts: 'x.example.com' }, 'allowHosts: got "x.example.com"; expected an array of host names'],
    [{ sandbox: { partners: [] } }, 'sandbox.partners: got an empty array; expected a non-empty array of {"apiKey", "secret"} objects'],
    [{ sandbox: { partners: [{ apiKey: 'pk' }] } }, 'sandbox.partners[0].secret: missing; expected a non-empty string'],
    [{ sandbox: { port: 65_536 } }, 'sandbox.port: got 65536; expected an integer port from 0 to 65535'],
    [{ profile: 7 }, 'profile: got 7; expected an object'],
    [[], 'got an empty array; expected a JSON object'],
    [null, 'got null; expected a JSON object'],
  ])('%j', (raw, expected) => {
    expect(problemsOf(raw)).toContain(`${source}: ${expected}`);
  });

  it('rejects unknown keys at every level, with their full dotted path and the allowed keys', () => {
    const message = problemsOf({
      conformance: {},
      profile: { clockSkew: { windowSecond: 300 }, fields: { nickname: {}, city: { kind: 'string' } }, signing: { algorithm: 'sha1' } },
      sandbox: { partners: [{ apiKey: 'pk', secret: 'sk', name: 'x' }] },
    });
    expect(message).toContain(`${source}: conformance: unknown key; expected one of "$schema", "target", "allowHosts", "profile", "sandbox"`);
    expect(message).toContain(`${source}: profile.clockSkew.windowSecond: unknown key (did you mean "windowSeconds"?); expected one of "windowSeconds", "marginSeconds"`);
    expect(message).toContain(`${source}: profile.fields.nickname: unknown key; expected one of "externalId", "email"`);
    expect(message).toContain(`${source}: profile.fields.city.kind: unknown key; expected one of "required", "nullable"`);
    expect(message).toContain(`${source}: profile.signing.algorithm: unknown key; expected one of "preset", "template"`);
    expect(message).toContain(`${source}: sandbox.partners[0].name: unknown key; expected one of "apiKey", "secret"`);
  });

  it('rejects rule keys of another kind of field (a string rule has no values)', () => {
    expect(problemsOf({ profile: { fields: { city: { values: ['a'] }, isCiroAffiliate: { maxLength: 5 } } } })).toMatch(
      /profile\.fields\.city\.values: unknown key[\s\S]*profile\.fields\.isCiroAffiliate\.maxLength: unknown key; expected one of "required"/,
    );
  });

  it('rejects unknown template placeholders, naming each', () => {
    expect(problemsOf({ profile: { signing: { template: '{METHOD}\n{FOO}\n{timestamp}' } } })).toBe(
      `${source}: profile.signing.template: unknown placeholder {FOO}, {timestamp}; expected only {METHOD}, {PATH}, {TIMESTAMP}, {BODY_SHA256}, {BODY}, {API_KEY}`,
    );
  });

  it('reports every problem, one per line', () => {
    const lines = problemsOf({ target: 1, profile: { age: { minimumYears: 0 }, rateLimit: { burst: -1 } } }).split('\n');
    expect(lines).toHaveLength(3);
    expect(lines.every((line) => line.startsWith(`${source}: `))).toBe(true);
  });

  it('checks the merged profile across values', () => {
    expect(problemsOf({ profile: { fields: { city: { minLength: 120 } } } })).toBe(
      `${source}: profile.fields.city.maxLength: got 100, below minLength 120; expected maxLength >= minLength`,
    );
    expect(problemsOf({ profile: { clockSkew: { windowSeconds: 30 } } })).toContain(
      'profile.clockSkew.marginSeconds: got 30 with windowSeconds 30; expected a margin smaller than the window',
    );
    expect(problemsOf({ profile: { signing: { secretEncoding: 'hex' } }, sandbox: { partners: [{ apiKey: 'pk', secret: 'not hex' }] } })).toContain(
      'sandbox.partners[0].secret: not valid hex',
    );
  });

  it('names the file as "config" when no source is given', () => {
    expect(() => resolveConfig({ extra: true }, {})).toThrow(/^config: extra: unknown key/);
  });
});
