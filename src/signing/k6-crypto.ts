/** The k6 adapter: SHA-256 and HMAC from `k6/crypto`. Bundled into scenarios only. */
import crypto from 'k6/crypto';
import type { CryptoPrimitives } from './crypto-primitives.js';

const toArrayBuffer = (bytes: Uint8Array): ArrayBuffer =>
  bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;

export const k6Crypto: CryptoPrimitives = {
  sha256: (data) => new Uint8Array(crypto.sha256(toArrayBuffer(data), 'binary')),
  hmacSha256: (key, data) => new Uint8Array(crypto.hmac('sha256', toArrayBuffer(key), toArrayBuffer(data), 'binary')),
};
