/**
 * The sandbox's named faults: realistic bugs switched on at start
 * (`--fault NAME`) so that every conformance check can be shown to fire
 * (style §9). Each fault is a record whose `apply` turns the healthy pipeline
 * into a faulty one by wrapping or replacing one step or hook (style §8);
 * no step knows that faults exist.
 */
import { randomUUID } from 'node:crypto';
import { usageError } from '../errors.js';
import type { Hooks, Pipeline, Step, StepName } from './pipeline.js';
import { userRecord } from './steps/create-user.js';

/** A contract section, as in contract.md. */
export type ContractSection = '§1' | '§2' | '§3' | '§4' | '§5' | '§6';

export interface Fault {
  /** Stable kebab-case id: public API (`--fault`, config, reports). */
  readonly name: string;
  /** The contract section whose rule it breaks. */
  readonly section: ContractSection;
  /** What the sandbox does wrong, in one line. */
  readonly description: string;
  readonly apply: (p: Pipeline) => Pipeline;
}

const withHooks = (p: Pipeline, hooks: (h: Hooks) => Partial<Hooks>): Pipeline => ({ ...p, hooks: { ...p.hooks, ...hooks(p.hooks) } });
const withStep = (p: Pipeline, name: StepName, wrap: (step: Step) => Step): Pipeline => ({
  ...p,
  steps: { ...p.steps, [name]: wrap(p.steps[name]) },
});
const skip: Step = () => undefined;
const nonAscii = /[^\x20-\x7e]/;

/** Every fault, in contract-section order. */
export const faultCatalogue: readonly Fault[] = [
  {
    name: 'signature-not-checked',
    section: '§1',
    description: 'X-Request-Signature must be present, but any value is accepted',
    apply: (p) => withHooks(p, () => ({ verifySignature: () => ({ valid: true, canonicalString: '' }) })),
  },
  {
    name: 'stale-timestamps-accepted',
    section: '§1',
    description: 'X-Request-Timestamp must parse, but its distance from the server clock is never checked',
    apply: (p) => withHooks(p, () => ({ timestampInWindow: () => true })),
  },
  {
    name: 'timestamp-future-unchecked',
    section: '§1',
    description: 'only past timestamps are checked against the skew window; any future one is accepted',
    apply: (p) => {
      const windowMs = p.env.profile.clockSkew.windowSeconds * 1000;
      return withHooks(p, () => ({ timestampInWindow: (timestampMs, nowMs) => nowMs - timestampMs <= windowMs }));
    },
  },
  {
    name: 'validation-before-auth',
    section: '§2',
    description: 'the body is validated before authentication: an unauthenticated invalid body gets 400, not 401',
    apply: (p) => ({ ...p, order: ['body', ...p.order.filter((step) => step !== 'body')] }),
  },
  {
    name: 'rejected-request-creates-user',
    section: '§2',
    description: 'a minor is answered 422, but the user is inserted anyway',
    apply: (p) =>
      withStep(p, 'age', (age) => (x, pipeline) => {
        const outcome = age(x, pipeline);
        if (outcome && !(outcome instanceof Promise) && outcome.status === 422) pipeline.env.store.createUser(userRecord(x));
        return outcome;
      }),
  },
  {
    name: 'first-field-error-only',
    section: '§3',
    description: 'validation stops at the first invalid field: fieldErrors has one entry however many are wrong',
    apply: (p) => withHooks(p, (h) => ({ fieldErrors: (user, today) => h.fieldErrors(user, today).slice(0, 1) })),
  },
  {
    name: 'minors-accepted',
    section: '§3',
    description: 'the age rule is not enforced: users under 18 are created (201)',
    apply: (p) => withStep(p, 'age', () => skip),
  },
  {
    name: 'duplicate-external-id-accepted',
    section: '§3',
    description: 'externalId is not unique per API key: a second create with it gets 201 and a second user',
    apply: (p) => withStep(p, 'uniqueExternalId', () => skip),
  },
  {
    name: 'idempotency-ignored',
    section: '§4',
    description: 'Idempotency-Key is format-checked but never looked up: a retry runs again (409 duplicate, not the stored 201)',
    apply: (p) => withStep(p, 'idempotencyLookup', () => skip),
  },
  {
    name: 'idempotency-mismatch-replays',
    section: '§4',
    description: 'the same key with another body replays the first result instead of answering the mismatch status',
    apply: (p) => withHooks(p, () => ({ fingerprintsMatch: () => true })),
  },
  {
    name: 'idempotency-shared-across-partners',
    section: '§4',
    description: 'idempotency keys are global, not per API key: another partner gets this partner\'s stored response',
    apply: (p) => withHooks(p, () => ({ idempotencyScope: () => '*' })),
  },
  {
    name: 'idempotency-in-flight-unguarded',
    section: '§4',
    description: 'concurrent requests with one key all run (no in-flight claim); the last outcome overwrites the stored one',
    apply: (p) => withHooks(p, () => ({ claimInFlight: () => true, releaseInFlight: () => {} })),
  },
  {
    name: 'field-errors-missing',
    section: '§5',
    description: 'a 400 for invalid fields carries no fieldErrors array',
    apply: (p) => withHooks(p, (h) => ({ errorEnvelope: ({ fieldErrors: _omitted, ...rest }) => h.errorEnvelope(rest) })),
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
  {
    name: 'retry-after-missing',
    section: '§6',
    description: '429 is sent without a Retry-After header',
    apply: (p) => withHooks(p, () => ({ throttledHeaders: () => ({}) })),
  },
  {
    name: 'retry-after-too-short',
    section: '§6',
    description: 'Retry-After is rounded down (0 when under a second is missing): waiting it out still gets 429',
    apply: (p) => withHooks(p, () => ({ throttledHeaders: (d) => ({ 'Retry-After': String(Math.max(0, d.resetSeconds - 1)) }) })),
  },
  {
    name: 'rate-limit-not-enforced',
    section: '§6',
    description: 'the limiter counts and sends RateLimit headers but never answers 429',
    apply: (p) =>
      withHooks(p, (h) => ({
        takeToken: (apiKey, nowMs) => {
          const decision = h.takeToken(apiKey, nowMs);
          return decision && { ...decision, allowed: true };
        },
      })),
  },
];

/** The faults named in `names`, in catalogue order; a usage error lists the known ones for any unknown name. */
export function resolveFaults(names: readonly string[]): Fault[] {
  const unknown = names.filter((name) => !faultCatalogue.some((fault) => fault.name === name));
  if (unknown.length > 0) {
    throw usageError(
      'BOCA_USAGE',
      `Unknown fault${unknown.length > 1 ? 's' : ''} ${unknown.map((n) => `"${n}"`).join(', ')}. Known faults:\n` +
        faultCatalogue.map((f) => `  ${f.name.padEnd(34)} ${f.section}  ${f.description}`).join('\n'),
    );
  }
  return faultCatalogue.filter((fault) => names.includes(fault.name));
}

/** `pipeline` with every fault applied, in catalogue order. */
export const applyFaults = (pipeline: Pipeline, faults: readonly Fault[]): Pipeline =>
  faults.reduce((p, fault) => fault.apply(p), pipeline);
