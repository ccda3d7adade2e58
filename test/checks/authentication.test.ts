/**
 * The checks of contract §1 and §2 (authentication-checks.ts): each passes
 * on the healthy sandbox and fails, naming its section and its rule, on
 * every sandbox fault that breaks that rule (style §9).
 */
import { describe, expect, it } from 'vitest';
import { authBeforeValidation } from '../../src/checks/catalogue/auth-before-validation.js';
import { evaluationOrderAfterAuthentication } from '../../src/checks/catalogue/evaluation-order-after-authentication.js';
import { byteExactSignatureAccepted } from '../../src/checks/catalogue/byte-exact-signature-accepted.js';
import { malformedTimestampRejected } from '../../src/checks/catalogue/malformed-timestamp-rejected.js';
import { missingApiKeyRejected } from '../../src/checks/catalogue/missing-api-key-rejected.js';
import { missingSignatureRejected } from '../../src/checks/catalogue/missing-signature-rejected.js';
import { rejectedRequestCreatesNothing } from '../../src/checks/catalogue/rejected-request-creates-nothing.js';
import { tamperedRequestRejected } from '../../src/checks/catalogue/tampered-request-rejected.js';
import { timestampInsideWindowAccepted } from '../../src/checks/catalogue/timestamp-inside-window-accepted.js';
import { timestampOutsideWindowRejected } from '../../src/checks/catalogue/timestamp-outside-window-rejected.js';
import { unknownApiKeyRejected } from '../../src/checks/catalogue/unknown-api-key-rejected.js';
import { wrongSignatureRejected } from '../../src/checks/catalogue/wrong-signature-rejected.js';
import { authenticationChecks } from '../../src/checks/catalogue/authentication-checks.js';
import type { Check } from '../../src/checks/check.js';
import { runConformance } from '../../src/conformance/run-conformance.js';
import { defaultProfile } from '../../src/contract/profile.js';
import { faultCatalogue } from '../../src/sandbox/faults/index.js';
import { startSandbox } from '../../src/sandbox/start-sandbox.js';
import { explain, resultOf, runAgainstSandbox } from './run-against-sandbox.js';

interface Case {
  readonly check: Check;
  /** Faults that break the rule the check enforces. */
  readonly faults: readonly string[];
  /** What every failure message names: the broken rule. */
  readonly rule: RegExp;
}

const cases: Case[] = [
  { check: missingApiKeyRejected, faults: ['partner-found-by-signature'], rule: /X-Api-Key is required on every request \(contract §1\).*expected 401, got 201/ },
  { check: unknownApiKeyRejected, faults: ['partner-found-by-signature'], rule: /an unknown X-Api-Key must be rejected \(contract §1\).*signed with the partner's own secret.*got 201/ },
  { check: missingSignatureRejected, faults: ['signature-optional'], rule: /X-Request-Signature is required \(contract §1\).*without X-Request-Signature.*got 201/ },
  { check: wrongSignatureRejected, faults: ['signature-not-checked'], rule: /a wrong X-Request-Signature must be rejected \(contract §1\).*got 201/ },
  {
    check: tamperedRequestRejected,
    faults: ['signature-not-checked', 'signature-path-without-query'],
    rule: /the signature must cover the method, the path with its query, the timestamp verbatim and the exact body bytes.*\(contract §1\).*got 201/,
  },
  {
    check: byteExactSignatureAccepted,
    faults: ['signature-over-reserialised-json'],
    rule: /the signature covers the exact body bytes sent \(contract §1.*expected 201, got 401 unauthorized/,
  },
  {
    check: timestampInsideWindowAccepted,
    faults: ['skew-window-too-narrow'],
    rule: /timestamps within W − m = 270 s of the server's clock MUST be accepted \(contract §1.*-?\d+ s from the server's clock: expected 201, got 401/,
  },
  {
    check: timestampOutsideWindowRejected,
    faults: ['stale-timestamps-accepted', 'timestamp-future-unchecked'],
    rule: /timestamps beyond W \+ m = 330 s of the server's clock MUST be rejected \(contract §1.*got 201/,
  },
  {
    check: malformedTimestampRejected,
    faults: ['timestamp-parsed-leniently'],
    rule: /X-Request-Timestamp must be an RFC 3339 date-time with Z or a numeric offset.*\(contract §1\).*signed verbatim: expected 401, got 201/,
  },
  {
    check: authBeforeValidation,
    faults: ['validation-before-auth', 'idempotency-key-format-before-auth'],
    rule: /authentication comes first; nothing else is evaluated for an unauthenticated request \(contract §2\).*expected 401, got 400 bad_request/,
  },
  {
    check: evaluationOrderAfterAuthentication,
    faults: ['uniqueness-before-age'],
    rule: /age \(422\) is evaluated before externalId uniqueness \(409\) \(contract §2, step 6\).*already taken: expected 422, got 409 conflict/,
  },
  {
    check: rejectedRequestCreatesNothing,
    faults: ['rejected-request-creates-user'],
    rule: /A rejected request MUST create no user \(contract §2\): after .* was answered 422 unprocessable_entity, a valid create with its externalId .* got 409 conflict: the rejected request created the user/,
  },
];

describe('the authentication and order-of-evaluation checks', () => {
  it('are listed once each, with the faults this file proves them with', () => {
    expect(authenticationChecks.map((c) => c.id).sort()).toEqual(cases.map((c) => c.check.id).sort());
    for (const { check, faults } of cases) {
      for (const name of faults) expect(faultCatalogue.find((f) => f.name === name)?.section, `${check.id} / ${name}`).toBe(check.section);
    }
  });
});

describe.each(cases)('$check.id', ({ check, faults, rule }) => {
  it('passes on the healthy sandbox', async () => {
    const result = await resultOf(check, { runs: 20 });
    expect(result.status, explain(result)).toBe('passed');
  });

  it.each(faults)('fails on the sandbox with fault %s, naming the rule', async (fault) => {
    const result = await resultOf(check, { runs: 30, faults: [fault] });
    expect(result.status, explain(result)).toBe('failed');
    const [failure] = result.failures;
    expect(failure!.section).toBe(check.section);
    expect(failure!.message).toMatch(rule);
    expect(failure!.exchanges.length).toBeGreaterThan(0);
  });
});

describe('the clock-skew checks measure time against the server clock', () => {
  it('pass against a sandbox whose clock is an hour ahead of ours (its Date header)', async () => {
    const summary = await runAgainstSandbox([timestampInsideWindowAccepted, timestampOutsideWindowRejected, malformedTimestampRejected], {
      runs: 20,
      sandbox: { now: () => Date.now() + 3_600_000 },
    });
    for (const result of summary.checks) expect(result.status, explain(result)).toBe('passed');
  });
});

describe('without a second partner', () => {
  it('the signature checks still run every other variant, and still catch a fault', async () => {
    const sandbox = await startSandbox({ port: 0, host: '127.0.0.1', rateLimit: false, faults: ['signature-path-without-query'] });
    try {
      const [primary] = sandbox.partners;
      const { summary } = await runConformance({
        profile: defaultProfile,
        target: new URL(sandbox.url),
        partners: { primary: primary! },
        checks: [tamperedRequestRejected, wrongSignatureRejected],
        runs: 30,
        seed: 42,
        signal: new AbortController().signal,
        timeoutMs: 5_000,
      });
      const [tampered, wrong] = summary.checks;
      expect(tampered!.status, explain(tampered!)).toBe('failed');
      expect(tampered!.failures[0]!.message).toMatch(/added to the path after signing/);
      expect(wrong!.status, explain(wrong!)).toBe('passed');
    } finally {
      await sandbox.close();
    }
  });
});
