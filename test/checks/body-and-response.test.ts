/**
 * The checks of contract §3 and §5 (style §9): each passes on the healthy
 * sandbox and fails, naming its section and rule, on a sandbox with a fault
 * of that section. Age checks run against a sandbox whose clock is pinned to
 * a chosen time of day, so that the midnight rule is exercised on purpose.
 */
import { describe, expect, it } from 'vitest';
import { ageBoundary, ageBoundaryProbes } from '../../src/checks/catalogue/age-boundary.js';
import { allInvalidFieldsNamed } from '../../src/checks/catalogue/all-invalid-fields-named.js';
import { bodyAndResponseChecks } from '../../src/checks/catalogue/body-and-response-checks.js';
import { duplicateExternalIdConflict } from '../../src/checks/catalogue/duplicate-external-id-conflict.js';
import { errorEnvelope } from '../../src/checks/catalogue/error-envelope.js';
import { freshRequestIds } from '../../src/checks/catalogue/fresh-request-ids.js';
import { hostileInputNoServerError } from '../../src/checks/catalogue/hostile-input-no-server-error.js';
import { invalidFieldRejected } from '../../src/checks/catalogue/invalid-field-rejected.js';
import { malformedJsonRejected } from '../../src/checks/catalogue/malformed-json-rejected.js';
import { minorRejected } from '../../src/checks/catalogue/minor-rejected.js';
import { noServerError } from '../../src/checks/catalogue/no-server-error.js';
import { nonObjectBodyRejected } from '../../src/checks/catalogue/non-object-body-rejected.js';
import { oversizedBodyRejected } from '../../src/checks/catalogue/oversized-body-rejected.js';
import { sampleUser } from '../../src/checks/support/sample-user.js';
import { unicodeAndBoundaryAccepted } from '../../src/checks/catalogue/unicode-and-boundary-accepted.js';
import { unknownPropertiesIgnored } from '../../src/checks/catalogue/unknown-properties-ignored.js';
import { jsonCharsetAccepted } from '../../src/checks/catalogue/json-charset-accepted.js';
import { wrongContentTypeRejected } from '../../src/checks/catalogue/wrong-content-type-rejected.js';
import type { Check, ScenarioCheck } from '../../src/checks/check.js';
import type { CheckResult } from '../../src/checks/failure.js';
import { addDays, formatCalendarDate, type CalendarDate } from '../../src/contract/calendar.js';
import { latestAdultBirthDate } from '../../src/fixtures/index.js';
import { faultCatalogue } from '../../src/sandbox/faults/index.js';
import { explain, resultOf, runAgainstSandbox, type SandboxRunOptions } from './run-against-sandbox.js';

/** A sandbox clock that reads `iso` now and runs on from there (the rate limiter needs time to pass). */
const clockAt = (iso: string) => {
  const offsetMs = Date.parse(iso) - Date.now();
  return { now: () => Date.now() + offsetMs };
};
/** Well away from midnight UTC, so that age checks probe the exact boundary. */
const noon = { sandbox: clockAt('2026-06-15T12:00:00Z') };

async function expectFailure(check: Check, fault: string, message: RegExp, options: SandboxRunOptions = {}): Promise<CheckResult> {
  const result = await resultOf(check, { runs: 30, ...options, faults: [fault] });
  expect(result.status, explain(result)).toBe('failed');
  const [failure] = result.failures;
  expect(failure!.section).toBe(check.section);
  expect(faultCatalogue.find((f) => f.name === fault)?.section).toBe(check.section);
  expect(failure!.message).toMatch(message);
  return result;
}

async function expectPassed(check: Check, options: SandboxRunOptions = {}): Promise<CheckResult> {
  const result = await resultOf(check, { runs: 30, ...options });
  expect(result.status, explain(result)).toBe('passed');
  return result;
}

describe('the group list', () => {
  it('has unique ids, contract §3 and §5 only, and the run-wide checks last', () => {
    const ids = bodyAndResponseChecks.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const check of bodyAndResponseChecks) expect(['§3', '§5']).toContain(check.section);
    expect(ids[0]).toBe('valid-user-created');
    expect(ids.slice(-3)).toEqual(['error-envelope', 'fresh-request-ids', 'no-server-error']);
  });
});

describe('unicode-and-boundary-accepted', () => {
  it('passes on the healthy sandbox', () => expectPassed(unicodeAndBoundaryAccepted));
  it('fails when lengths are counted in UTF-8 bytes', () =>
    expectFailure(unicodeAndBoundaryAccepted, 'length-counted-in-bytes', /Unicode names .* length limits \(counted in code points.*expected 201, got 400/));
  it('fails when non-ASCII names crash the server', () => expectFailure(unicodeAndBoundaryAccepted, 'server-error-on-unicode-name', /expected 201, got 500/));
});

describe('unknown-properties-ignored', () => {
  it('passes on the healthy sandbox', () => expectPassed(unknownPropertiesIgnored));
  it('fails when the schema forbids additional properties', () =>
    expectFailure(unknownPropertiesIgnored, 'unknown-properties-rejected', /unknown properties are ignored, so a valid user with .* added must be created: expected 201, got 400/));
});

describe('json-charset-accepted', () => {
  it('passes on the healthy sandbox', () => expectPassed(jsonCharsetAccepted));
  it('fails when Content-Type must be exactly application/json', () =>
    expectFailure(jsonCharsetAccepted, 'charset-parameter-rejected', /a charset parameter is allowed on application\/json, .* expected 201, got 400/));
});

describe('invalid-field-rejected', () => {
  it('passes on the healthy sandbox', () => expectPassed(invalidFieldRejected));
  it('fails when a 400 carries no fieldErrors', () =>
    expectFailure(invalidFieldRejected, 'field-errors-missing', /contract §3: an invalid field gets 400 bad_request with a fieldErrors entry naming it .* no fieldErrors/));
  it('fails when a missing required field is not reported', () =>
    expectFailure(invalidFieldRejected, 'required-fields-not-enforced', /: missing\): expected 400, got (201|422)/));
  it('fails when values of the wrong JSON type are coerced', () =>
    expectFailure(invalidFieldRejected, 'wrong-types-coerced', /wrong JSON type .*expected 400, got (201|422)/));
});

describe('all-invalid-fields-named', () => {
  it('passes on the healthy sandbox', () => expectPassed(allInvalidFieldsNamed));
  it('fails when validation stops at the first invalid field', () =>
    expectFailure(allInvalidFieldsNamed, 'first-field-error-only', /all invalid fields are reported, not only the first .* missing \w+/));
});

describe('malformed-json-rejected', () => {
  it('passes on the healthy sandbox', () => expectPassed(malformedJsonRejected));
  it('fails when malformed JSON crashes the handler', () =>
    expectFailure(malformedJsonRejected, 'malformed-json-server-error', /must be a JSON object, so malformed JSON .* expected 400, got 500/));
});

describe('non-object-body-rejected', () => {
  it('passes on the healthy sandbox', () => expectPassed(nonObjectBodyRejected));
  it('fails when an array body is unwrapped', () =>
    expectFailure(nonObjectBodyRejected, 'array-body-unwrapped', /must be a JSON object, so a valid user in an array gets 400 bad_request: expected 400, got 201/));
});

describe('wrong-content-type-rejected', () => {
  it('passes on the healthy sandbox', () => expectPassed(wrongContentTypeRejected));
  it('fails when Content-Type is ignored', () =>
    expectFailure(wrongContentTypeRejected, 'content-type-ignored', /must be sent as application\/json, so a valid user with .* expected 400, got 201/));
});

describe('oversized-body-rejected', () => {
  it('passes on the healthy sandbox, sending bodies just over the limit', async () => {
    const result = await expectPassed(oversizedBodyRejected);
    expect(result.requests).toBe(oversizedBodyRejected.maxRuns);
  });
  it('fails when oversized bodies get 413', () =>
    expectFailure(oversizedBodyRejected, 'oversized-body-payload-too-large', /bodies over 65536 bytes get 400 bad_request; .* padded to 655\d\d bytes .* got 413/));
});

describe('duplicate-external-id-conflict', () => {
  it('passes on the healthy sandbox', () => expectPassed(duplicateExternalIdConflict));
  it('fails when externalId is not unique', () =>
    expectFailure(duplicateExternalIdConflict, 'duplicate-external-id-accepted', /externalId is unique per API key, .* gets 409 conflict: expected 409, got 201/));
});

describe('minor-rejected', () => {
  it('passes on the healthy sandbox, at noon and near midnight', async () => {
    await expectPassed(minorRejected, noon);
    await expectPassed(minorRejected, { sandbox: clockAt('2026-06-15T23:30:00Z') });
  });
  it('fails when minors are accepted', () =>
    expectFailure(minorRejected, 'minors-accepted', /someone under 18 on today's UTC date gets 422 unprocessable_entity; born \d{4}-\d\d-\d\d: expected 422, got 201/, noon));
});

describe('age-boundary', () => {
  const date = (iso: string): CalendarDate => {
    const [year, month, day] = iso.split('-').map(Number);
    return { year: year!, month: month!, day: day! };
  };
  const probesOn = (today: string) => ageBoundaryProbes(date(today), 18).map((p) => `${formatCalendarDate(p.dateOfBirth)} ${p.status}`);

  it('probes both sides of the boundary, with 29 February births when today makes them matter', () => {
    expect(probesOn('2026-06-15')).toEqual(['2008-06-15 201', '2008-06-16 422']);
    expect(probesOn('2026-03-01')).toEqual(['2008-03-01 201', '2008-03-02 422', '2008-02-29 201']);
    expect(probesOn('2026-02-28')).toEqual(['2008-02-28 201', '2008-02-29 422']);
    expect(probesOn('2028-02-29')).toEqual(['2010-02-28 201', '2010-03-01 422']);
  });

  it('passes on the healthy sandbox, including a 29 February birth on 1 March', async () => {
    expect((await expectPassed(ageBoundary, noon)).requests).toBe(2);
    expect((await expectPassed(ageBoundary, { sandbox: clockAt('2026-03-01T12:00:00Z') })).requests).toBe(3);
    expect((await expectPassed(ageBoundary, { sandbox: clockAt('2026-02-28T12:00:00Z') })).requests).toBe(2);
  });

  it.each(['2026-06-15T23:30:00Z', '2026-06-16T01:30:00Z'])('is skipped, saying why, within 2 h of midnight UTC (%s)', async (iso) => {
    const result = await resultOf(ageBoundary, { sandbox: clockAt(iso) });
    expect(result.status, explain(result)).toBe('skipped');
    expect(result.reason).toMatch(/min from midnight UTC; contract §3 forbids probing the exact age boundary within 2 h/);
    expect(result.requests).toBe(0);
  });

  it('fails when an 18th birthday today is not counted', () =>
    expectFailure(ageBoundary, 'age-birthday-not-counted', /someone who turns 18 today \(born 2008-06-15\) must be created: expected 201, got 422/, noon));
  it('fails when minors are accepted', () =>
    expectFailure(ageBoundary, 'minors-accepted', /someone one day short of 18 \(born 2008-06-16\) must get 422 unprocessable_entity: expected 422, got 201/, noon));
  it('fails on 1 March when a 29 February birth is not counted as turning 18', () =>
    expectFailure(ageBoundary, 'age-birthday-not-counted', /someone who turns 18 today \(born 2008-03-01\)/, { sandbox: clockAt('2026-03-01T12:00:00Z') }));
});

describe('hostile-input-no-server-error', () => {
  it('passes on the healthy sandbox', () => expectPassed(hostileInputNoServerError, { runs: 100 }));
  it('fails when non-ASCII names crash the server', () =>
    expectFailure(hostileInputNoServerError, 'server-error-on-unicode-name', /a server error is never an acceptable answer to any client input; .* got 500 internal_error/));
});

/** A check that replays a stored 422 (same key, same body): the replay repeats the first requestId, legitimately. */
const replaysA422: ScenarioCheck = {
  kind: 'scenario',
  id: 'test-replays-a-422',
  section: '§4',
  statement: 'test helper',
  tags: [],
  async run(context) {
    const minor = addDays(latestAdultBirthDate(context.serverToday(), 18), 400);
    const body = JSON.stringify(sampleUser(context, { dateOfBirth: minor }));
    const idempotencyKey = '0b6f2f0e-3a53-4c52-9a4e-7d9c1c8e5f10';
    const first = await context.client.send({ body, idempotencyKey });
    const replay = await context.client.send({ body, idempotencyKey });
    expect([first.response?.status, replay.response?.status]).toEqual([422, 422]);
    expect((replay.response?.json as { requestId: string }).requestId).toBe((first.response?.json as { requestId: string }).requestId);
  },
};

describe('error-envelope', () => {
  it('passes on the healthy sandbox, alone and after other checks', async () => {
    expect((await expectPassed(errorEnvelope)).requests).toBe(5);
    const summary = await runAgainstSandbox([malformedJsonRejected, minorRejected, errorEnvelope], { runs: 10 });
    expect(summary.checks.map((c) => c.status)).toEqual(['passed', 'passed', 'passed']);
  });
  it('fails when 401s are plain text, listing every offending exchange of the run (the preflight e1 included)', async () => {
    const result = await expectFailure(errorEnvelope, 'error-envelope-plain-text', /every error is an application\/json envelope .*: 2 of \d+ exchanges of the run break it:\n {2}e1 POST \/v1\/users: .*Content-Type text\/plain/);
    expect(result.failures[0]!.exchanges).toHaveLength(2);
  });
});

describe('fresh-request-ids', () => {
  it('passes on the healthy sandbox, replays of a stored result allowed', async () => {
    const summary = await runAgainstSandbox([malformedJsonRejected, replaysA422, freshRequestIds], { runs: 10 });
    expect(summary.checks.map((c) => c.status), summary.checks.map(explain).join('\n')).toEqual(['passed', 'passed', 'passed']);
  });
  it('passes alone', () => expectPassed(freshRequestIds));
  it('fails when requestIds are reused', () =>
    expectFailure(freshRequestIds, 'request-id-reused', /every non-replayed response has a fresh requestId: \d+ of \d+ exchanges .* was already sent in e\d+/s));
});

describe('no-server-error', () => {
  it('passes on the healthy sandbox', () => expectPassed(noServerError));
  it('fails alone when non-ASCII names crash the server', () =>
    expectFailure(noServerError, 'server-error-on-unicode-name', /a server error is never an acceptable answer to any client input: \d+ of \d+ exchanges .* 500 internal_error/s));
  it('reports the 5xx answers of earlier checks of the run', async () => {
    const summary = await runAgainstSandbox([malformedJsonRejected, noServerError], { runs: 10, faults: ['malformed-json-server-error'] });
    const result = summary.checks[1]!;
    expect(result.status, explain(result)).toBe('failed');
    expect(result.failures[0]!.section).toBe('§5');
    expect(result.failures[0]!.message).toMatch(/: \d+ of \d+ exchanges of the run break it:\n {2}e\d+ POST \/v1\/users: 500 internal_error/);
  });
});
