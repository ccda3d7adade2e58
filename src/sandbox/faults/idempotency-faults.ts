/**
 * Faults of contract §4: realistic bugs the sandbox switches on with
 * `--fault NAME` (catalogue in catalogue.ts).
 */
import { uuidPattern } from '../../contract/responses.js';
import type { Exchange, Outcome } from '../exchange.js';
import type { Pipeline, StepResult } from '../pipeline.js';
import { storedResponse } from '../steps/create-user.js';
import { thenAfter } from './then-after.js';
import { withHooks, withStep, skip, type Fault } from './fault.js';

/** Stores `outcome` under the request's Idempotency-Key as the bug would: whatever its status. */
function storeUnderKey(outcome: Outcome, x: Exchange, p: Pipeline): void {
  const key = x.headers[p.env.headerKeys.idempotencyKey];
  const apiKey = x.headers[p.env.headerKeys.apiKey];
  if (typeof key !== 'string' || !uuidPattern.test(key) || typeof apiKey !== 'string' || !p.env.partners.has(apiKey)) return;
  const slot = { scope: p.hooks.idempotencyScope(apiKey), key };
  p.env.store.saveResponse(slot, { ...storedResponse(x, p, outcome.status, outcome.body), fingerprint: p.hooks.fingerprint(x) });
}

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
  {
    name: 'idempotency-key-format-unchecked',
    section: '§4',
    description: 'Idempotency-Key is used as sent, never checked to be a UUID: any string is accepted as a key',
    apply: (p) =>
      withStep(p, 'idempotencyKeyFormat', () => (x, pipeline) => {
        const key = x.headers[pipeline.env.headerKeys.idempotencyKey];
        if (typeof key === 'string') x.idempotencyKey = key;
        return undefined;
      }),
  },
  {
    name: 'idempotency-stores-rejections',
    section: '§4',
    description: 'the idempotency layer stores every answer: a 400 (invalid body) or 401 (bad signature) is replayed, and the key is used up',
    apply: (p) => {
      const storeRejection = (status: number) => (outcome: StepResult, x: Exchange, pipeline: Pipeline) => {
        if (outcome?.status === status) storeUnderKey(outcome, x, pipeline);
        return outcome;
      };
      const withBody = withStep(p, 'body', (body) => thenAfter(body, storeRejection(400)));
      return withStep(withBody, 'authenticate', (authenticate) => thenAfter(authenticate, storeRejection(401)));
    },
  },
];
