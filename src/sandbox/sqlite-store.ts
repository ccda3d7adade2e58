/**
 * A `Store` in a SQLite file (better-sqlite3), so state survives a restart or
 * a `kill -9`: WAL journal with synchronous=NORMAL makes every committed
 * transaction durable against a process crash (not against power loss, which
 * a sandbox does not need). Statements are prepared once.
 */
import Database from 'better-sqlite3';
import { usageError } from '../errors.js';
import type { IdempotencySlot, Store, StoredResponse, UserRecord } from './store.js';

const schema = `
CREATE TABLE IF NOT EXISTS users (
  user_id TEXT PRIMARY KEY,
  api_key TEXT NOT NULL,
  external_id TEXT NOT NULL,
  created_at_ms INTEGER NOT NULL,
  json TEXT NOT NULL
);
-- Not UNIQUE: uniqueness is the pipeline's rule (contract §3), which a fault may break.
CREATE INDEX IF NOT EXISTS users_external_id ON users (api_key, external_id);
CREATE TABLE IF NOT EXISTS idempotency (
  scope TEXT NOT NULL,
  key TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  status INTEGER NOT NULL,
  body TEXT NOT NULL,
  stored_at_ms INTEGER NOT NULL,
  expires_at_ms INTEGER NOT NULL,
  PRIMARY KEY (scope, key)
) WITHOUT ROWID;
`;

interface ResponseRow {
  fingerprint: string;
  status: number;
  body: string;
  stored_at_ms: number;
  expires_at_ms: number;
}

interface UserRow {
  user_id: string;
  api_key: string;
  external_id: string;
  created_at_ms: number;
  json: string;
}

/** Expired idempotency rows are deleted every this many saves. */
const sweepEvery = 4096;

function openDatabase(path: string): Database.Database {
  let db: Database.Database | undefined;
  try {
    db = new Database(path);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.exec(schema);
    return db;
  } catch (error) {
    db?.close();
    throw usageError('BOCA_INPUT', `Cannot use ${path} as the sandbox database: ${(error as Error).message}`);
  }
}

/** Opens (creating if needed) the SQLite file at `path`; a usage error when it cannot be a sandbox database. */
export function createSqliteStore(path: string): Store {
  const db = openDatabase(path);

  const findResponse = db.prepare<[string, string, number], ResponseRow>(
    'SELECT fingerprint, status, body, stored_at_ms, expires_at_ms FROM idempotency WHERE scope = ? AND key = ? AND expires_at_ms > ?',
  );
  const upsertResponse = db.prepare(
    'INSERT OR REPLACE INTO idempotency (scope, key, fingerprint, status, body, stored_at_ms, expires_at_ms) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const deleteExpired = db.prepare('DELETE FROM idempotency WHERE expires_at_ms <= ?');
  const hasExternalId = db.prepare<[string, string], { one: number }>('SELECT 1 AS one FROM users WHERE api_key = ? AND external_id = ? LIMIT 1');
  const insertUser = db.prepare('INSERT INTO users (user_id, api_key, external_id, created_at_ms, json) VALUES (?, ?, ?, ?, ?)');
  const countAll = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM users');
  const countForKey = db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM users WHERE api_key = ?');
  const findUser = db.prepare<[string], UserRow>('SELECT user_id, api_key, external_id, created_at_ms, json FROM users WHERE user_id = ?');

  let savesSinceSweep = 0;
  const save = (slot: IdempotencySlot, r: StoredResponse): void => {
    if (++savesSinceSweep >= sweepEvery) {
      savesSinceSweep = 0;
      deleteExpired.run(r.storedAtMs);
    }
    upsertResponse.run(slot.scope, slot.key, r.fingerprint, r.status, r.body, r.storedAtMs, r.expiresAtMs);
  };
  const createUser = db.transaction((user: UserRecord, idempotent?: { slot: IdempotencySlot; response: StoredResponse }) => {
    insertUser.run(user.userId, user.apiKey, user.externalId, user.createdAtMs, user.json);
    if (idempotent) save(idempotent.slot, idempotent.response);
  });

  let open = true;
  return {
    kind: 'sqlite',
    findResponse(slot, nowMs) {
      const row = findResponse.get(slot.scope, slot.key, nowMs);
      return row && { fingerprint: row.fingerprint, status: row.status, body: row.body, storedAtMs: row.stored_at_ms, expiresAtMs: row.expires_at_ms };
    },
    saveResponse: save,
    hasExternalId: (apiKey, externalId) => hasExternalId.get(apiKey, externalId) !== undefined,
    createUser: (user, idempotent) => createUser(user, idempotent),
    countUsers: (apiKey) => (apiKey === undefined ? countAll.get()! : countForKey.get(apiKey)!).n,
    findUser(userId) {
      const row = findUser.get(userId);
      return row && { userId: row.user_id, apiKey: row.api_key, externalId: row.external_id, createdAtMs: row.created_at_ms, json: row.json };
    },
    close() {
      if (!open) return;
      open = false;
      db.close();
    },
  };
}
