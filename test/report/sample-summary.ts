/**
 * A realistic RunSummary for reporter tests: a passed property, a failed
 * signature check (the target answered 201 where 401 was due, with a shrunk
 * counterexample), a failed idempotency check with two exchanges, a check
 * skipped for want of a second partner, and an errored one.
 */
import type { CheckResult, Failure, RunSummary } from '../../src/checks/failure.js';
import { defaultProfile } from '../../src/contract/profile.js';
import type { Exchange } from '../../src/http/exchange.js';
import { curlCommand } from '../../src/report/curl-command.js';
import { nodeCrypto } from '../../src/signing/node-crypto.js';
import { signRequest } from '../../src/signing/sign-request.js';

export const sampleTarget = 'http://127.0.0.1:8787';
/** The sandbox partner's credentials: the secret must never reach a report. */
export const sampleCredentials = { apiKey: 'pk_sandbox_partner1', secret: 'sk_sandbox_partner1_do_not_use_in_production' };

const startedAtMs = Date.parse('2026-03-02T14:05:09.120Z');

const validUser = {
  externalId: 'p1-0007',
  email: 'zoe@example.com',
  firstName: 'Zoë',
  lastName: "O'Brien",
  dateOfBirth: '1990-02-28',
  addressLine1: '1 Rue Sainte-Catherine',
  city: 'Montréal',
  postalCode: 'H2X 1K4',
  province: 'QC',
  country: 'CA',
  occupation: 'Engineer',
  isCiroAffiliate: false,
};

/** A signed POST /v1/users with the exact body, as the harness records it. */
function signedRequest(body: string, timestamp: string, extraHeaders: Record<string, string> = {}): Exchange['request'] {
  return signed(body, timestamp, extraHeaders).request;
}

function signed(body: string, timestamp: string, extraHeaders: Record<string, string> = {}): { request: Exchange['request']; canonicalString: string } {
  const { signature, canonicalString } = signRequest(
    { method: 'POST', path: '/v1/users', timestamp, body },
    sampleCredentials,
    { profile: defaultProfile.signing, crypto: nodeCrypto },
  );
  const request = {
    method: 'POST',
    url: `${sampleTarget}/v1/users`,
    path: '/v1/users',
    headers: {
      'content-type': 'application/json',
      'x-api-key': sampleCredentials.apiKey,
      'x-request-timestamp': timestamp,
      'x-request-signature': signature,
      ...extraHeaders,
    },
    body,
  };
  return { request, canonicalString };
}

function jsonResponse(status: number, json: unknown, requestId: string): NonNullable<Exchange['response']> {
  const body = JSON.stringify(json);
  return { status, headers: { 'content-type': 'application/json; charset=utf-8', 'x-request-id': requestId, date: 'Mon, 02 Mar 2026 14:05:11 GMT' }, body, json };
}

// The body was signed, then one byte changed ("Zoë" → "Zoe"): the target must answer 401.
const tampered = signed(JSON.stringify(validUser), '2026-03-02T14:05:11.004Z');
const tamperedRequest = tampered.request;
const tamperedExchange: Exchange = {
  id: 'e812',
  request: { ...tamperedRequest, body: tamperedRequest.body!.replace('Zoë', 'Zoe') },
  response: jsonResponse(201, { userId: '3f0c2b8e-5d7a-4c1e-9b2f-6a8d0e4c7b15', externalId: 'p1-0007', status: 'pendingCompliance' }, 'req_01HV6Y7'),
  sentAtMs: startedAtMs + 2004,
  durationMs: 3.8,
  canonicalString: tampered.canonicalString,
  attempt: 1,
};

const tamperFailure: Failure = {
  id: 'signature-tampered-body#1',
  checkId: 'signature-tampered-body',
  section: '§1',
  message: 'A request whose body changed after signing was accepted',
  expected: '401 unauthorized (the signature no longer matches the body bytes)',
  actual: '201 Created, user 3f0c2b8e-5d7a-4c1e-9b2f-6a8d0e4c7b15 created',
  exchanges: [tamperedExchange],
  seed: -1204316752,
  path: '17:0:2',
  counterexample: { user: validUser, tamper: { kind: 'body-byte', offset: 68, from: 'ë', to: 'e' } },
  curl: curlCommand(tamperedExchange.request),
  replay: `boca-harness replay signature-tampered-body#1 --target ${sampleTarget}`,
};

const idemKey = '0b9e4f0a-8c1d-4e57-a6b2-3c5d7e9f1a2b';
const firstIdem: Exchange = {
  id: 'e1530',
  request: signedRequest(JSON.stringify({ ...validUser, externalId: 'p1-0101' }), '2026-03-02T14:05:13.200Z', { 'idempotency-key': idemKey }),
  response: jsonResponse(201, { userId: 'a1d5c8e2-1111-4b7a-9c3d-2e4f6a8b0c1d', externalId: 'p1-0101', status: 'pendingCompliance' }, 'req_01HV6YA'),
  sentAtMs: startedAtMs + 4080,
  durationMs: 4.1,
  attempt: 1,
};
const replayIdem: Exchange = {
  ...firstIdem,
  id: 'e1531',
  request: signedRequest(firstIdem.request.body!, '2026-03-02T14:05:13.260Z', { 'idempotency-key': idemKey }),
  response: jsonResponse(201, { userId: 'c7e9a0b4-2222-4d6f-8a1b-9c0d2e3f4a5b', externalId: 'p1-0101', status: 'pendingCompliance' }, 'req_01HV6YB'),
  sentAtMs: startedAtMs + 4140,
};

const idempotencyFailure: Failure = {
  id: 'idempotency-sequential-replay#1',
  checkId: 'idempotency-sequential-replay',
  section: '§4',
  message: 'A replay with the same Idempotency-Key and body created a second user',
  expected: 'the stored result: 201 with userId a1d5c8e2-1111-4b7a-9c3d-2e4f6a8b0c1d',
  actual: '201 with a new userId c7e9a0b4-2222-4d6f-8a1b-9c0d2e3f4a5b',
  exchanges: [firstIdem, replayIdem],
  seed: 88123,
  path: '0',
  counterexample: { user: { ...validUser, externalId: 'p1-0101' }, idempotencyKey: idemKey },
  curl: curlCommand(replayIdem.request),
  replay: `boca-harness replay idempotency-sequential-replay#1 --target ${sampleTarget}`,
};

/** The checks of the sample run, in run order. */
export function sampleChecks(): CheckResult[] {
  return [
    { checkId: 'success-valid-user', section: '§5', statement: 'Every valid user → 201 JSON with a UUID userId, the externalId echoed and status pendingCompliance', status: 'passed', failures: [], requests: 100, durationMs: 812, runs: 100, seed: -1204316752 },
    { checkId: 'validation-single-field', section: '§3', statement: 'Every single-field violation → 400 bad_request whose fieldErrors names that field', status: 'passed', failures: [], requests: 200, durationMs: 1490, runs: 200, seed: -1204316752 },
    { checkId: 'signature-tampered-body', section: '§1', statement: 'A signature made valid and then tampered (one byte of the body) → 401', status: 'failed', failures: [tamperFailure], requests: 18, durationMs: 96, runs: 18, seed: -1204316752 },
    { checkId: 'idempotency-sequential-replay', section: '§4', statement: 'A sequential replay with a fresh signature → same status, body and userId, no second user', status: 'failed', failures: [idempotencyFailure], requests: 2, durationMs: 11, runs: 1, seed: 88123 },
    { checkId: 'idempotency-key-per-partner', section: '§4', statement: 'The same Idempotency-Key under a second partner → an independent result', status: 'skipped', reason: 'needs a second partner: set BOCA_API_KEY_2 and BOCA_API_SECRET_2', failures: [], requests: 0, durationMs: 0 },
    { checkId: 'rate-limit-retry-after', section: '§6', statement: 'A 429 carries a valid Retry-After, and waiting it out gets the next request through', status: 'errored', reason: "TypeError: Cannot read properties of undefined (reading 'retryAfter')\n    at run (src/checks/rate-limit-retry-after.ts:41:22)", failures: [], requests: 61, durationMs: 2050 },
  ];
}

/** Builds a RunSummary whose totals agree with its checks. */
export function summaryOf(checks: readonly CheckResult[], overrides: Partial<RunSummary> = {}): RunSummary {
  const count = (status: CheckResult['status']): number => checks.filter((c) => c.status === status).length;
  return {
    runId: '20260302-140509-7f3a',
    tool: { name: 'boca-harness', version: '0.1.0' },
    target: sampleTarget,
    startedAt: new Date(startedAtMs).toISOString(),
    durationMs: 4731,
    complete: true,
    seed: -1204316752,
    checks,
    totals: { passed: count('passed'), failed: count('failed'), skipped: count('skipped'), errored: count('errored'), requests: checks.reduce((n, c) => n + c.requests, 0) },
    ...overrides,
  };
}

/** The full sample run: 2 passed, 2 failed, 1 skipped, 1 errored. */
export function sampleSummary(overrides: Partial<RunSummary> = {}): RunSummary {
  return summaryOf(sampleChecks(), overrides);
}

/** A run interrupted after its first three checks (Ctrl-C). */
export function incompleteSummary(): RunSummary {
  return summaryOf(sampleChecks().slice(0, 3), { complete: false, durationMs: 2398 });
}

/** The sample with the failing response's body replaced, e.g. by hostile markup. */
export function summaryWithResponseBody(body: string, headers: Record<string, string> = {}): RunSummary {
  const checks = sampleChecks().map((check) =>
    check.checkId !== 'signature-tampered-body'
      ? check
      : {
          ...check,
          failures: check.failures.map((failure) => ({
            ...failure,
            actual: `201 with body ${body}`,
            exchanges: failure.exchanges.map((e) => ({ ...e, response: { ...e.response!, headers: { ...e.response!.headers, ...headers }, body, json: undefined } })),
          })),
        },
  );
  return summaryOf(checks);
}
