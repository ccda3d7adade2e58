/**
 * Where the sandbox keeps users and idempotent results (contract §3 uniqueness,
 * §4 idempotency). Synchronous on purpose: the pipeline checks and writes in
 * one tick, so no other request can interleave between a check and its write.
 */

/** A created user. `json` is the request body as received (already validated). */
export interface UserRecord {
  readonly userId: string;
  readonly apiKey: string;
  readonly externalId: string;
  readonly createdAtMs: number;
  readonly json: string;
}

/** A stored outcome of an Idempotency-Key (201, 409 or 422 age; contract §4). */
export interface StoredResponse {
  /** SHA-256 (hex) of the body bytes or of its canonical JSON, per the profile. */
  readonly fingerprint: string;
  readonly status: number;
  /** The response body exactly as first sent. */
  readonly body: string;
  /** Epoch ms when it was stored. */
  readonly storedAtMs: number;
  /** Epoch ms after which the key is free again. */
  readonly expiresAtMs: number;
}

/** The address of a stored response: the key within a scope (the API key, contract §4). */
export interface IdempotencySlot {
  readonly scope: string;
  readonly key: string;
}

export interface Store {
  readonly kind: 'memory' | 'sqlite';
  /** The unexpired stored response of `slot`, if any. */
  findResponse(slot: IdempotencySlot, nowMs: number): StoredResponse | undefined;
  /** Stores (or replaces an expired) response for `slot`. */
  saveResponse(slot: IdempotencySlot, response: StoredResponse): void;
  /** Whether `apiKey` already has a user with `externalId`. */
  hasExternalId(apiKey: string, externalId: string): boolean;
  /** Inserts the user and, when given, its idempotent response, atomically (one transaction). */
  createUser(user: UserRecord, idempotent?: { readonly slot: IdempotencySlot; readonly response: StoredResponse }): void;
  /** How many users exist, for one API key or all. */
  countUsers(apiKey?: string): number;
  /** The user with `userId`, if it exists. */
  findUser(userId: string): UserRecord | undefined;
  /** Releases the store (closes the SQLite file). Idempotent. */
  close(): void;
}
