/**
 * Faults of contract §3 and §5: realistic bugs the sandbox switches on with
 * `--fault NAME` (catalogue in catalogue.ts).
 */
import { randomUUID } from 'node:crypto';
import { withHooks, withStep, skip, type Fault } from './fault.js';

const nonAscii = /[^\x20-\x7e]/;

export const bodyAndResponseFaults: readonly Fault[] = [
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
];
