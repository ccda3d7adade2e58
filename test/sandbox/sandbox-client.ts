/** Test helpers: signed requests to a sandbox over real HTTP (undici). */
import { request } from 'undici';
import { defaultProfile } from '../../src/contract/profile.js';
import { formatRfc3339 } from '../../src/contract/rfc3339.js';
import { nodeCrypto } from '../../src/signing/node-crypto.js';
import { signRequest, type Credentials } from '../../src/signing/sign-request.js';
import { defaultSandboxPartners } from '../../src/sandbox/sandbox-partner.js';
import { readFileSync } from 'node:fs';

export const [partner1, partner2] = defaultSandboxPartners as [Credentials, Credentials];

/** 2026-03-13T12:00:00Z, the seed's example timestamp: the tests' fixed "now". */
export const fixedNow = Date.UTC(2026, 2, 13, 12, 0, 0);

/** A test clock: `now()` for the sandbox, `advance(ms)` for the test. */
export function testClock(startMs = fixedNow) {
  let nowMs = startMs;
  return { now: () => nowMs, advance: (ms: number) => void (nowMs += ms), set: (ms: number) => void (nowMs = ms) };
}

const exampleUser: Record<string, unknown> = JSON.parse(readFileSync(new URL('../../examples/create-user.json', import.meta.url), 'utf8'));

/** The seed page's example body (examples/create-user.json), with overrides (`undefined` removes a field). */
export function seedUser(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const user: Record<string, unknown> = { ...exampleUser };
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) delete user[key];
    else user[key] = value;
  }
  return user;
}

let counter = 0;
/** A seed user with a fresh externalId. */
export const freshUser = (overrides: Record<string, unknown> = {}) => seedUser({ externalId: `ext-${process.pid}-${++counter}`, ...overrides });

export interface SendOptions {
  /** A string or Buffer is sent as is; anything else as JSON. Default: a fresh valid user. */
  readonly body?: unknown;
  readonly partner?: Credentials;
  /** Default: now (the sandbox clock) formatted as RFC 3339. */
  readonly timestamp?: string;
  readonly nowMs?: number;
  readonly idempotencyKey?: string;
  readonly method?: string;
  readonly path?: string;
  readonly contentType?: string;
  /** Replaces or (with `undefined`) removes headers after signing. */
  readonly headers?: Record<string, string | undefined>;
  /** Sign these bytes instead of the body sent. */
  readonly signBody?: string;
  /** Transforms the signature after signing (e.g. upper-case it). */
  readonly mangleSignature?: (signature: string) => string;
}

export interface Reply {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly text: string;
  readonly json: any;
}

/** Signs (contract §1, with `signRequest`) and sends one request. */
export async function send(baseUrl: string, options: SendOptions = {}): Promise<Reply> {
  const partner = options.partner ?? partner1;
  const method = options.method ?? 'POST';
  const path = options.path ?? '/v1/users';
  const body: string | Buffer =
    options.body === undefined
      ? JSON.stringify(freshUser())
      : typeof options.body === 'string' || Buffer.isBuffer(options.body)
        ? options.body
        : JSON.stringify(options.body);
  const timestamp = options.timestamp ?? formatRfc3339(options.nowMs ?? Date.now());
  const { signature } = signRequest(
    { method, path, timestamp, body: options.signBody ?? body },
    partner,
    { profile: defaultProfile.signing, crypto: nodeCrypto },
  );
  const headers: Record<string, string> = {
    'content-type': options.contentType ?? 'application/json',
    'x-api-key': partner.apiKey,
    'x-request-timestamp': timestamp,
    'x-request-signature': options.mangleSignature ? options.mangleSignature(signature) : signature,
  };
  if (options.idempotencyKey !== undefined) headers['idempotency-key'] = options.idempotencyKey;
  for (const [name, value] of Object.entries(options.headers ?? {})) {
    if (value === undefined) delete headers[name.toLowerCase()];
    else headers[name.toLowerCase()] = value;
  }
  const response = await request(`${baseUrl}${path}`, { method: method as 'POST', headers, body: method === 'GET' || method === 'HEAD' ? undefined : body });
  const text = await response.body.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.statusCode, headers: response.headers, text, json };
}
