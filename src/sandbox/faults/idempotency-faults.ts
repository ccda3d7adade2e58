/**
 * Faults of contract §4: realistic bugs the sandbox switches on with
 * `--fault NAME` (catalogue in catalogue.ts).
 */
import { withHooks, withStep, skip, type Fault } from './fault.js';

export const idempotencyFaults: readonly Fault[] = [
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
];
