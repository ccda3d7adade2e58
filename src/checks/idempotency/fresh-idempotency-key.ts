/**
 * Fresh Idempotency-Keys for checks, contract §4: a target remembers a key
 * for 24 h per API key, so a check never sends a generated key as it is
 * (reruns and repeated generated values would replay old results).
 */
import { randomUUID } from 'node:crypto';

const freshHex = (length: number): string => randomUUID().replaceAll('-', '').slice(0, length);

/**
 * A key never used before, shaped like `shape` (a generated valid key): its
 * version, variant, dashes and letter case are kept, its last group (the
 * 12-digit node) is replaced by fresh random hex digits in the case of the
 * letters it replaces. Without `shape`, a random version-4 UUID.
 */
export function freshIdempotencyKey(shape?: string): string {
  if (shape === undefined) return randomUUID();
  const nodeStart = shape.length - 12;
  const node = [...freshHex(12)].map((digit, i) => (/[A-Z]/.test(shape[nodeStart + i] ?? '') ? digit.toUpperCase() : digit)).join('');
  return shape.slice(0, nodeStart) + node;
}
