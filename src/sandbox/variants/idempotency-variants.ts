/** Variants of contract §4: in-flight handling and the optional replay header. */
import type { IdempotencySlot } from '../store.js';
import { withHooks, withStep } from '../faults/fault.js';
import { thenAfter } from '../faults/then-after.js';
import type { Variant } from './variant.js';

/** How long a request waits for the first one with its key before answering 409 after all, ms. */
export const maxInFlightWaitMs = 10_000;

const slotId = (slot: IdempotencySlot): string => `${slot.scope}\u0000${slot.key}`;

/** Resolves when `released` does or after `ms`, whichever comes first; leaves no timer behind. */
const released = (promise: Promise<void>, ms: number): Promise<void> =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    void promise.then(() => {
      clearTimeout(timer);
      resolve();
    });
  });

export const idempotencyVariants: readonly Variant[] = [
  {
    name: 'in-flight-waits',
    section: '§4',
    description: `a request whose Idempotency-Key is in flight waits for the first to finish and answers its stored result (up to ${maxInFlightWaitMs / 1000} s, then 409)`,
    apply: (p) => {
      const claims = new Map<string, { readonly done: Promise<void>; readonly release: () => void }>();
      const tracked = withHooks(p, (h) => ({
        claimInFlight(slot) {
          if (!h.claimInFlight(slot)) return false;
          let release!: () => void;
          const done = new Promise<void>((resolve) => (release = resolve));
          claims.set(slotId(slot), { done, release });
          return true;
        },
        releaseInFlight(slot) {
          h.releaseInFlight(slot);
          const claim = claims.get(slotId(slot));
          claims.delete(slotId(slot));
          claim?.release();
        },
      }));
      return withStep(tracked, 'idempotencyLookup', (lookup) => async (x, pipeline) => {
        if (x.idempotencyKey !== undefined && x.partner) {
          const id = slotId({ scope: pipeline.hooks.idempotencyScope(x.partner.apiKey), key: x.idempotencyKey });
          const deadlineMs = Date.now() + maxInFlightWaitMs;
          // Lookup and claim happen in the tick the loop ends in, so two waiters never both claim.
          for (let claim = claims.get(id); claim && Date.now() < deadlineMs; claim = claims.get(id)) {
            await released(claim.done, deadlineMs - Date.now());
          }
        }
        return lookup(x, pipeline);
      });
    },
  },
  {
    name: 'no-replayed-header',
    section: '§4',
    description: 'a replayed result is sent without Idempotent-Replayed: true (the header is optional)',
    apply: (p) => withStep(p, 'idempotencyLookup', (lookup) => thenAfter(lookup, (outcome) => outcome && { ...outcome, replayed: false })),
  },
];
