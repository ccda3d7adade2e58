/** The default store: everything in memory, gone when the process ends. */
import type { IdempotencySlot, Store, StoredResponse, UserRecord } from './store.js';

const slotId = (slot: IdempotencySlot): string => `${slot.scope}\u0000${slot.key}`;
/** Expired responses are swept every this many saves, so memory stays bounded by the TTL. */
const sweepEvery = 4096;

/** A `Store` in plain Maps. */
export function createMemoryStore(): Store {
  const users = new Map<string, UserRecord>();
  const externalIds = new Map<string, Map<string, number>>();
  const responses = new Map<string, StoredResponse>();
  let savesSinceSweep = 0;

  const save = (slot: IdempotencySlot, response: StoredResponse): void => {
    if (++savesSinceSweep >= sweepEvery) {
      savesSinceSweep = 0;
      for (const [id, stored] of responses) if (stored.expiresAtMs <= response.storedAtMs) responses.delete(id);
    }
    responses.set(slotId(slot), response);
  };

  return {
    kind: 'memory',
    findResponse(slot, nowMs) {
      const id = slotId(slot);
      const stored = responses.get(id);
      if (!stored) return undefined;
      if (stored.expiresAtMs <= nowMs) {
        responses.delete(id);
        return undefined;
      }
      return stored;
    },
    saveResponse: save,
    hasExternalId(apiKey, externalId) {
      return (externalIds.get(apiKey)?.get(externalId) ?? 0) > 0;
    },
    createUser(user, idempotent) {
      users.set(user.userId, user);
      let ids = externalIds.get(user.apiKey);
      if (!ids) externalIds.set(user.apiKey, (ids = new Map()));
      ids.set(user.externalId, (ids.get(user.externalId) ?? 0) + 1);
      if (idempotent) save(idempotent.slot, idempotent.response);
    },
    countUsers(apiKey) {
      if (apiKey === undefined) return users.size;
      let count = 0;
      for (const n of externalIds.get(apiKey)?.values() ?? []) count += n;
      return count;
    },
    findUser: (userId) => users.get(userId),
    close() {},
  };
}
