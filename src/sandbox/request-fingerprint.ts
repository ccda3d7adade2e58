/**
 * The Idempotency-Key fingerprint of a request body, contract §4 *(profile)*:
 * `bytes` is the SHA-256 of the exact body bytes; `json` the SHA-256 of its
 * canonical JSON (keys sorted, no white space), so re-serialising the same
 * object does not count as another body. A body that is not JSON falls back
 * to its bytes.
 */
import { hash } from 'node:crypto';
import type { IdempotencyProfile } from '../contract/profile.js';
import type { ReceivedBody } from './read-body.js';

/** JSON with object keys in code-unit order at every depth. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value).sort().map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value);
}

export function requestFingerprint(kind: IdempotencyProfile['fingerprint'], body: ReceivedBody): string {
  if (kind === 'bytes' || body.tooLarge) return body.sha256;
  try {
    return `json:${hash('sha256', canonicalJson(JSON.parse(body.bytes.toString('utf8'))), 'hex')}`;
  } catch {
    return body.sha256;
  }
}
