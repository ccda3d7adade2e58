/**
 * Faults of contract §1 and §2: realistic bugs the sandbox switches on with
 * `--fault NAME` (catalogue in catalogue.ts).
 */
import { userRecord } from '../steps/create-user.js';
import { withHooks, withStep, type Fault } from './fault.js';

export const authenticationFaults: readonly Fault[] = [
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
];
