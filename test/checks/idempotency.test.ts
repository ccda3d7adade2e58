/**
 * The Idempotency-Key checks (contract §4): each passes on the healthy
 * sandbox and fails, naming §4 and the broken rule, with each of its faults.
 * The sandbox holds a claimed key for a few ms (latencyMs) so that concurrent
 * requests really overlap.
 */
import { describe, expect, it } from 'vitest';
import type { Check } from '../../src/checks/check.js';
import { idempotencyChecks } from '../../src/checks/catalogue/idempotency-checks.js';
import { idempotencyConcurrentSingleUser } from '../../src/checks/catalogue/idempotency-concurrent-single-user.js';
import { idempotencyKeyReuseRejected } from '../../src/checks/catalogue/idempotency-key-reuse-rejected.js';
import { idempotencyScopedPerPartner } from '../../src/checks/catalogue/idempotency-scoped-per-partner.js';
import { idempotencyStoredOutcomes } from '../../src/checks/catalogue/idempotency-stored-outcomes.js';
import { idempotentReplay } from '../../src/checks/catalogue/idempotent-replay.js';
import { invalidIdempotencyKeyRejected } from '../../src/checks/catalogue/invalid-idempotency-key-rejected.js';
import { freshIdempotencyKey } from '../../src/checks/idempotency/fresh-idempotency-key.js';
import { uuidPattern } from '../../src/contract/responses.js';
import { explain, resultOf } from './run-against-sandbox.js';

const sandbox = { latencyMs: 5 };

/** Each check, the faults that must make it fail, and what its message must say. */
const cases: { check: Check; runs: number; faults: { name: string; message: RegExp }[] }[] = [
  {
    check: invalidIdempotencyKeyRejected,
    runs: 20,
    faults: [{ name: 'idempotency-key-format-unchecked', message: /not a UUID \(contract §4: otherwise 400\): expected 400, got (201|422)/ }],
  },
  {
    check: idempotentReplay,
    runs: 20,
    faults: [{ name: 'idempotency-ignored', message: /must return the stored result \(contract §4.*got 409 conflict \(the request was processed again/ }],
  },
  {
    check: idempotencyKeyReuseRejected,
    runs: 10,
    faults: [
      { name: 'idempotency-mismatch-replays', message: /the same Idempotency-Key with another body \(contract §4: 422 .*expected 422, got 201/ },
      { name: 'idempotency-ignored', message: /the same Idempotency-Key with another body \(contract §4: 422 .*expected 422, got 201/ },
    ],
  },
  {
    check: idempotencyConcurrentSingleUser,
    runs: 5,
    faults: [{ name: 'idempotency-in-flight-unguarded', message: /a replay after 10 concurrent requests .*expected 201 with userId .*, got 409 conflict/ }],
  },
  {
    check: idempotencyScopedPerPartner,
    runs: 20,
    faults: [{ name: 'idempotency-shared-across-partners', message: /the second partner .* (got the first partner's stored response|keys are scoped to the API key.*expected 201, got 422)/ }],
  },
  {
    check: idempotencyStoredOutcomes,
    runs: 30,
    faults: [
      { name: 'idempotency-stores-rejections', message: /must not be stored under its Idempotency-Key \(contract §4: 400, 401, 429 and 500 are not stored/ },
      { name: 'idempotency-ignored', message: /must be stored under its Idempotency-Key \(contract §4: stored outcomes are 201, 409 and 422\)|must return the stored result/ },
    ],
  },
];

describe('the idempotency checks', () => {
  it('are all listed, each with a test here', () => {
    expect(idempotencyChecks.map((c) => c.id).sort()).toEqual(cases.map((c) => c.check.id).sort());
    for (const check of idempotencyChecks) expect(check.section).toBe('§4');
  });
});

describe.each(cases)('$check.id', ({ check, runs, faults }) => {
  it('passes on the healthy sandbox', async () => {
    const result = await resultOf(check, { runs, sandbox });
    expect(result.status, explain(result)).toBe('passed');
  });

  it.each(faults)('fails with the fault $name, naming §4 and the rule', async ({ name, message }) => {
    const result = await resultOf(check, { runs, sandbox, faults: [name] });
    expect(result.status, explain(result)).toBe('failed');
    expect(result.failures[0]!.section).toBe('§4');
    expect(result.failures[0]!.message).toMatch(message);
  });
});


describe('freshIdempotencyKey', () => {
  it('keeps the shape of a generated key (version, variant, case) and never repeats it', () => {
    for (const shape of ['00000000-0000-0000-0000-000000000000', 'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF', '0189D6A2-7c3e-7AbC-9def-0123456789aB']) {
      const [a, b] = [freshIdempotencyKey(shape), freshIdempotencyKey(shape)];
      expect(a).toMatch(uuidPattern);
      expect(a).not.toBe(b);
      expect(a.slice(0, 24)).toBe(shape.slice(0, 24));
    }
    expect(freshIdempotencyKey('FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF')).not.toMatch(/[a-f]/);
    expect(freshIdempotencyKey('ffffffff-ffff-ffff-ffff-ffffffffffff')).not.toMatch(/[A-F]/);
  });
});
