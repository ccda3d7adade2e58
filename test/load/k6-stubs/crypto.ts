/** Stub of `k6/crypto` on node:crypto, following k6's API (ArrayBuffer in, ArrayBuffer out for 'binary'). */
import { createHash, createHmac } from 'node:crypto';

const toArrayBuffer = (b: Buffer): ArrayBuffer => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
const bytes = (data: ArrayBuffer | string): Buffer => (typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(new Uint8Array(data)));

function encode(digest: Buffer, encoding: string): ArrayBuffer | string {
  if (encoding === 'binary') return toArrayBuffer(digest);
  if (encoding === 'hex' || encoding === 'base64') return digest.toString(encoding);
  throw new Error(`k6/crypto stub: encoding ${encoding} not stubbed`);
}

export function sha256(data: ArrayBuffer | string, encoding: string): ArrayBuffer | string {
  if (data instanceof Uint8Array) throw new Error('k6/crypto does not take a Uint8Array');
  return encode(createHash('sha256').update(bytes(data)).digest(), encoding);
}

export function hmac(algorithm: string, key: ArrayBuffer | string, data: ArrayBuffer | string, encoding: string): ArrayBuffer | string {
  if (algorithm !== 'sha256') throw new Error(`k6/crypto stub: ${algorithm} not stubbed`);
  if (key instanceof Uint8Array || data instanceof Uint8Array) throw new Error('k6/crypto does not take a Uint8Array');
  return encode(createHmac('sha256', bytes(key)).update(bytes(data)).digest(), encoding);
}

export default { sha256, hmac };
