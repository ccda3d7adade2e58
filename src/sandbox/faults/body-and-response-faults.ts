/**
 * Faults of contract §3 and §5: realistic bugs the sandbox switches on with
 * `--fault NAME` (catalogue in catalogue.ts).
 */
import { randomUUID } from 'node:crypto';
import { addDays, isAtLeastYearsOld, parseCalendarDate, utcDate } from '../../contract/calendar.js';
import { fieldNames } from '../../contract/field-rules.js';
import { seedMessages } from '../../contract/responses.js';
import { errorOutcome } from '../error-outcome.js';
import type { Exchange } from '../exchange.js';
import type { Pipeline, Step, StepResult } from '../pipeline.js';
import { withHooks, withStep, skip, type Fault } from './fault.js';

const nonAscii = /[^\x20-\x7e]/;
const jsonMediaType = /^application\/json[ \t]*(?:;.*)?$/i;

/** Runs `step` on a copy of `x` with `changes`, then hands back what the step learned (the parsed body). */
function runOn(step: Step, x: Exchange, p: Pipeline, changes: Partial<Exchange>) {
  const copy: Exchange = { ...x, ...changes };
  const settle = <T>(outcome: T): T => {
    if (copy.user !== undefined) x.user = copy.user;
    if (copy.bodyText !== undefined) x.bodyText = copy.bodyText;
    return outcome;
  };
  const outcome = step(copy, p);
  return outcome instanceof Promise ? outcome.then(settle) : settle(outcome);
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** §3 faults: the body and its field rules, conflict and age. */
const fieldRuleFaults: readonly Fault[] = [
  {
    name: 'first-field-error-only',
    section: '§3',
    description: 'validation stops at the first invalid field: fieldErrors has one entry however many are wrong',
    apply: (p) => withHooks(p, (h) => ({ fieldErrors: (user, today) => h.fieldErrors(user, today).slice(0, 1) })),
  },
  {
    name: 'field-errors-missing',
    section: '§3',
    description: 'a 400 for invalid fields carries no fieldErrors array',
    apply: (p) => withHooks(p, (h) => ({ errorEnvelope: ({ fieldErrors: _omitted, ...rest }) => h.errorEnvelope(rest) })),
  },
  {
    name: 'required-fields-not-enforced',
    section: '§3',
    description: 'only the properties present are validated: a body missing a required field is created (201)',
    apply: (p) =>
      withHooks(p, (h) => ({ fieldErrors: (user, today) => h.fieldErrors(user, today).filter((e) => Object.hasOwn(user, e.field)) })),
  },
  {
    name: 'wrong-types-coerced',
    section: '§3',
    description: 'values of the wrong JSON type are coerced before validation: 42 becomes "42", ["Montréal"] becomes "Montréal"',
    apply: (p) =>
      withHooks(p, (h) => ({
        fieldErrors: (user, today) => {
          const coerced: Record<string, unknown> = { ...user };
          for (const field of fieldNames) {
            if (p.env.profile.fields[field].kind === 'boolean' || !Object.hasOwn(user, field)) continue;
            const value = user[field];
            if (typeof value === 'number' || typeof value === 'boolean') coerced[field] = String(value);
            else if (Array.isArray(value) && value.length === 1) coerced[field] = String(value[0]);
          }
          return h.fieldErrors(coerced, today);
        },
      })),
  },
  {
    name: 'unknown-properties-rejected',
    section: '§3',
    description: 'the schema forbids additional properties: a valid user with an extra property (middleName) gets 400',
    apply: (p) =>
      withHooks(p, (h) => ({
        fieldErrors: (user, today) => [
          ...h.fieldErrors(user, today),
          ...Object.keys(user)
            .filter((key) => !(fieldNames as readonly string[]).includes(key))
            .map((field) => ({ field, message: 'Is not allowed' })),
        ],
      })),
  },
  {
    name: 'charset-parameter-rejected',
    section: '§3',
    description: 'Content-Type is compared with "application/json" verbatim: "application/json; charset=utf-8" gets 400',
    apply: (p) =>
      withStep(p, 'body', (body) => (x, pipeline) =>
        x.headers['content-type'] === 'application/json' ? body(x, pipeline) : errorOutcome(pipeline, 400, 'Content-Type must be application/json'),
      ),
  },
  {
    name: 'malformed-json-server-error',
    section: '§3',
    description: 'a body that is not valid JSON makes the handler throw: 500 instead of 400',
    apply: (p) =>
      withStep(p, 'body', (body) => (x, pipeline) => {
        const contentType = x.headers['content-type'];
        // The parse error escapes: the pipeline answers it as a 500.
        if (!x.body.tooLarge && contentType !== undefined && jsonMediaType.test(contentType)) JSON.parse(x.body.bytes.toString('utf8'));
        return body(x, pipeline);
      }),
  },
  {
    name: 'array-body-unwrapped',
    section: '§3',
    description: 'a JSON array body is read as its first element (a batch parser): [user] creates the user',
    apply: (p) =>
      withStep(p, 'body', (body) => (x, pipeline) => {
        let parsed: unknown;
        try {
          parsed = JSON.parse(x.body.bytes.toString('utf8'));
        } catch {
          return body(x, pipeline);
        }
        if (!Array.isArray(parsed) || !isPlainObject(parsed[0])) return body(x, pipeline);
        return runOn(body, x, pipeline, { body: { ...x.body, bytes: Buffer.from(JSON.stringify(parsed[0])) } });
      }),
  },
  {
    name: 'content-type-ignored',
    section: '§3',
    description: 'Content-Type is never looked at: a JSON body sent as text/plain (or with none) is parsed and created',
    apply: (p) =>
      withStep(p, 'body', (body) => (x, pipeline) => runOn(body, x, pipeline, { headers: { ...x.headers, 'content-type': 'application/json' } })),
  },
  {
    name: 'oversized-body-payload-too-large',
    section: '§3',
    description: 'a body over maxBodyBytes is answered 413 payload_too_large (a framework default), not the contract\'s 400',
    apply: (p) =>
      withStep(p, 'body', (body) => (x, pipeline) =>
        x.body.tooLarge ? errorOutcome(pipeline, 413, 'Payload Too Large', undefined, 'payload_too_large') : body(x, pipeline),
      ),
  },
  {
    name: 'minors-accepted',
    section: '§3',
    description: 'the age rule is not enforced: users under 18 are created (201)',
    apply: (p) => withStep(p, 'age', () => skip),
  },
  {
    name: 'age-birthday-not-counted',
    section: '§3',
    description: 'age is counted from the day after the birthday: someone whose 18th birthday is today gets 422',
    apply: (p) =>
      withStep(p, 'age', () => (x, pipeline) => {
        const birth = typeof x.user?.dateOfBirth === 'string' ? parseCalendarDate(x.user.dateOfBirth) : undefined;
        const yesterday = addDays(utcDate(x.nowMs), -1);
        if (birth && !isAtLeastYearsOld(birth, pipeline.env.profile.age.minimumYears, yesterday)) {
          return errorOutcome(pipeline, 422, seedMessages[422]);
        }
        return undefined;
      }),
  },
  {
    name: 'duplicate-external-id-accepted',
    section: '§3',
    description: 'externalId is not unique per API key: a second create with it gets 201 and a second user',
    apply: (p) => withStep(p, 'uniqueExternalId', () => skip),
  },
];

const utf8Length = (value: string): number => Buffer.byteLength(value, 'utf8');

/** §5 faults: success and error responses. */
const responseFaults: readonly Fault[] = [
  {
    name: 'length-counted-in-bytes',
    section: '§5',
    description: 'string lengths are measured in UTF-8 bytes, not code points: a valid 60-letter accented name is refused (400)',
    apply: (p) =>
      withHooks(p, (h) => ({
        fieldErrors: (user, today) => {
          const errors = h.fieldErrors(user, today);
          for (const field of fieldNames) {
            const rule = p.env.profile.fields[field];
            const value = user[field];
            if (rule.kind !== 'string' || typeof value !== 'string' || errors.some((e) => e.field === field)) continue;
            if (utf8Length(rule.trim ? value.trim() : value) > rule.maxLength) errors.push({ field, message: 'Is too long' });
          }
          return errors;
        },
      })),
  },
  {
    name: 'error-envelope-plain-text',
    section: '§5',
    description: 'the authentication middleware answers 401 as text/plain "Unauthorized", without the JSON envelope',
    apply: (p) =>
      withStep(p, 'authenticate', (authenticate) => (x, pipeline) => {
        const outcome = authenticate(x, pipeline);
        const plain = (o: StepResult): StepResult =>
          o?.status === 401 ? { ...o, body: 'Unauthorized', headers: { ...o.headers, 'Content-Type': 'text/plain; charset=utf-8' } } : o;
        return outcome instanceof Promise ? outcome.then(plain) : plain(outcome);
      }),
  },
  {
    name: 'request-id-reused',
    section: '§5',
    description: 'requestId is generated once at start and repeated in every error',
    apply: (p) => {
      const requestId = `req-${randomUUID()}`;
      return withHooks(p, () => ({ newRequestId: () => requestId }));
    },
  },
  {
    name: 'server-error-on-unicode-name',
    section: '§5',
    description: 'a valid firstName or lastName with non-ASCII letters (Zoë, Nguyễn) crashes the handler: 500',
    apply: (p) =>
      withStep(p, 'body', (body) => (x, pipeline) => {
        const outcome = body(x, pipeline);
        if (outcome === undefined && (nonAscii.test(String(x.user?.firstName)) || nonAscii.test(String(x.user?.lastName)))) {
          throw new Error('Cannot store a name outside ASCII (simulated fault server-error-on-unicode-name)');
        }
        return outcome;
      }),
  },
];

export const bodyAndResponseFaults: readonly Fault[] = [...fieldRuleFaults, ...responseFaults];
