/**
 * The k6 adapter against the shared vectors, with `k6/crypto` stubbed by
 * node:crypto following k6's documented API (ArrayBuffer in, ArrayBuffer out
 * for the 'binary' encoding). The real k6 runtime runs the same vectors in the
 * GitHub workflow (scenarios/signing-vectors).
 */
import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { signRequest } from '../../src/signing/sign-request.js';
import { signingVectors } from './signing-vectors.js';

const toArrayBuffer = (buffer: Buffer): ArrayBuffer => buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) as ArrayBuffer;

vi.mock('k6/crypto', () => ({
  default: {
    sha256(data: ArrayBuffer, encoding: string) {
      if (!(data instanceof ArrayBuffer) || encoding !== 'binary') throw new Error('adapter must pass an ArrayBuffer and ask for binary');
      return toArrayBuffer(createHash('sha256').update(new Uint8Array(data)).digest());
    },
    hmac(algorithm: string, key: ArrayBuffer, data: ArrayBuffer, encoding: string) {
      if (algorithm !== 'sha256' || !(key instanceof ArrayBuffer) || encoding !== 'binary') throw new Error('unexpected hmac call');
      return toArrayBuffer(createHmac('sha256', new Uint8Array(key)).update(new Uint8Array(data)).digest());
    },
  },
}));

describe('k6 adapter', () => {
  it.each(signingVectors.map((v) => [v.name, v] as const))('reproduces vector %s', async (_, vector) => {
    const { k6Crypto } = await import('../../src/signing/k6-crypto.js');
    const signed = signRequest(vector.request, { apiKey: vector.request.apiKey, secret: vector.secret }, { profile: vector.signing, crypto: k6Crypto });
    expect(signed).toEqual(vector.expected);
  });
});
