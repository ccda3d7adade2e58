/** The two stores honour one contract (store.ts); the SQLite one survives a kill -9 (contract §4, issue: storage). */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isUsageError } from '../../src/errors.js';
import { createMemoryStore } from '../../src/sandbox/memory-store.js';
import { createSqliteStore } from '../../src/sandbox/sqlite-store.js';
import type { Store, StoredResponse, UserRecord } from '../../src/sandbox/store.js';
import { freshUser, partner1, send } from './sandbox-client.js';

const dir = mkdtempSync(join(tmpdir(), 'boca-sandbox-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const user = (apiKey: string, externalId: string): UserRecord => ({ userId: randomUUID(), apiKey, externalId, createdAtMs: 1, json: '{}' });
const response = (status: number, storedAtMs: number, ttlMs = 1000): StoredResponse => ({
  fingerprint: 'f',
  status,
  body: `{"status":${status}}`,
  storedAtMs,
  expiresAtMs: storedAtMs + ttlMs,
});

describe.each([
  ['memory', () => createMemoryStore()],
  ['sqlite', () => createSqliteStore(join(dir, `${randomUUID()}.db`))],
] as const)('the %s store', (_, open) => {
  let store: Store;
  beforeAll(() => {
    store = open();
    return () => store.close();
  });

  it('keeps externalIds per API key', () => {
    store.createUser(user('a', 'x1'));
    expect(store.hasExternalId('a', 'x1')).toBe(true);
    expect(store.hasExternalId('b', 'x1')).toBe(false);
    expect(store.hasExternalId('a', 'x2')).toBe(false);
    store.createUser(user('b', 'x1'));
    expect(store.countUsers('a')).toBe(1);
    expect(store.countUsers('b')).toBe(1);
    expect(store.countUsers()).toBe(2);
  });

  it('stores a user and its idempotent response together', () => {
    const created = user('c', 'y');
    const slot = { scope: 'c', key: 'k1' };
    store.createUser(created, { slot, response: response(201, 100) });
    expect(store.findUser(created.userId)).toEqual(created);
    expect(store.findResponse(slot, 100)).toEqual(response(201, 100));
    expect(store.findResponse({ scope: 'other', key: 'k1' }, 100)).toBeUndefined();
  });

  it('forgets responses at their expiry and lets the key be stored again', () => {
    const slot = { scope: 'd', key: 'k2' };
    store.saveResponse(slot, response(409, 0));
    expect(store.findResponse(slot, 999)?.status).toBe(409);
    expect(store.findResponse(slot, 1000)).toBeUndefined();
    store.saveResponse(slot, response(422, 1000));
    expect(store.findResponse(slot, 1500)?.status).toBe(422);
  });

  it('closes idempotently', () => {
    const other = open();
    other.close();
    expect(() => other.close()).not.toThrow();
  });
});

describe('SQLite persistence across kill -9', () => {
  let childScript: string;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    // Inside node_modules so the bundle resolves better-sqlite3 like the sources do.
    const outdir = join(process.cwd(), 'node_modules', '.cache', 'boca-harness-test');
    mkdirSync(outdir, { recursive: true });
    childScript = join(outdir, `sandbox-child-${process.pid}.mjs`);
    await build({
      entryPoints: [join(import.meta.dirname, 'sandbox-child.ts')],
      outfile: childScript,
      bundle: true,
      platform: 'node',
      format: 'esm',
      packages: 'external',
      logLevel: 'warning',
    });
    return () => {
      for (const child of children) child.kill('SIGKILL');
      rmSync(childScript, { force: true });
    };
  });

  async function spawnSandbox(dbPath: string): Promise<{ child: ChildProcess; url: string }> {
    const child = spawn(process.execPath, [childScript, dbPath], { stdio: ['ignore', 'pipe', 'inherit'] });
    children.push(child);
    const lines = createInterface({ input: child.stdout! });
    const url = await new Promise<string>((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`sandbox child exited with ${code}`)));
      lines.once('line', (line) => resolve(JSON.parse(line).url));
    });
    return { child, url };
  }

  const killed = (child: ChildProcess) =>
    new Promise<NodeJS.Signals | null>((resolve) => {
      child.once('exit', (_, signal) => resolve(signal));
      child.kill('SIGKILL');
    });

  it('keeps a 201 user and its replay after the process is killed', async () => {
    const dbPath = join(dir, 'killed.db');
    const key = randomUUID();
    const body = JSON.stringify(freshUser());

    const first = await spawnSandbox(dbPath);
    const created = await send(first.url, { body, idempotencyKey: key });
    expect(created.status).toBe(201);
    expect(await killed(first.child)).toBe('SIGKILL');

    const second = await spawnSandbox(dbPath);
    const replay = await send(second.url, { body, idempotencyKey: key });
    expect(replay.status).toBe(201);
    expect(replay.text).toBe(created.text);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect((await send(second.url, { body })).status).toBe(409);
    await killed(second.child);

    const store = createSqliteStore(dbPath);
    try {
      expect(store.countUsers(partner1.apiKey)).toBe(1);
      expect(store.findUser(created.json.userId)?.externalId).toBe(JSON.parse(body).externalId);
    } finally {
      store.close();
    }
  });
});

describe('a SQLite path that cannot be a database', () => {
  it.each([
    ['a missing directory', () => join(dir, 'no-such-dir', 'x.db')],
    ['a file that is not SQLite', () => {
      const path = join(dir, 'not-sqlite.db');
      writeFileSync(path, 'this is not a database'.repeat(100));
      return path;
    }],
  ])('gives a usage error for %s', (_, path) => {
    let error: unknown;
    try {
      createSqliteStore(path()).close();
    } catch (caught) {
      error = caught;
    }
    expect(isUsageError(error)).toBe(true);
    expect((error as Error).message).toMatch(/Cannot use .* as the sandbox database/);
  });
});
