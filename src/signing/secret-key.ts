import type { SecretEncoding } from '../contract/profile.js';
import { fromBase64, fromHex, utf8Bytes } from './bytes.js';

/** HMAC key bytes of a signing secret under the profile's secret encoding (contract §1). */
export function secretKeyBytes(secret: string, encoding: SecretEncoding): Uint8Array {
  if (encoding === 'utf8') return utf8Bytes(secret);
  const bytes = encoding === 'hex' ? fromHex(secret) : fromBase64(secret);
  if (!bytes) throw Object.assign(new Error(`The signing secret is not valid ${encoding}`), { code: 'BOCA_SECRET_ENCODING' });
  return bytes;
}
