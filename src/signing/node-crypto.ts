/** The Node adapter: SHA-256 and HMAC from `node:crypto`. */
import { createHash, createHmac } from 'node:crypto';
import type { CryptoPrimitives } from './crypto-primitives.js';

export const nodeCrypto: CryptoPrimitives = {
  sha256: (data) => createHash('sha256').update(data).digest(),
  hmacSha256: (key, data) => createHmac('sha256', key).update(data).digest(),
};
