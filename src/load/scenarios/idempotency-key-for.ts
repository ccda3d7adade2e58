/** Deterministic Idempotency-Key values (UUID form, contract §4) derived from a run id. */
import type { CryptoPrimitives } from '../../signing/crypto-primitives.js';
import { toHex, utf8Bytes } from '../../signing/bytes.js';

/**
 * The key number `index` of run `runId`: the first 128 bits of
 * SHA-256(`runId:label:index`) written as 8-4-4-4-12 hex. Every VU, every
 * k6-operator runner sharing the run id, and the verification after the
 * run derive the same key without sharing state.
 */
export function idempotencyKeyFor(runId: string, label: string, index: number, crypto: CryptoPrimitives): string {
  const hex = toHex(crypto.sha256(utf8Bytes(`${runId}:${label}:${index}`))).slice(0, 32);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
