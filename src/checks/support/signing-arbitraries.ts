/**
 * Wrong credentials for the authentication checks, contract §1: signatures
 * and secrets in the profile's encodings that no partner holds, and API keys
 * no partner owns.
 */
import fc, { type Arbitrary } from 'fast-check';
import type { Profile } from '../../contract/profile.js';
import { toBase64, toHex } from '../../signing/bytes.js';
import type { CheckContext } from '../check-context.js';

const thirtyTwoBytes = () => fc.uint8Array({ minLength: 32, maxLength: 32 });

/** A well-formed `X-Request-Signature` (64 lowercase hex by default) of 32 random bytes: wrong for any request. */
export const randomSignature = (profile: Profile): Arbitrary<string> =>
  thirtyTwoBytes().map((bytes) => profile.signing.signaturePrefix + (profile.signing.signatureEncoding === 'hex' ? toHex(bytes) : toBase64(bytes)));

/** A signing secret valid in the profile's encoding that no partner holds (32 random bytes). */
export const randomSecret = (profile: Profile): Arbitrary<string> =>
  thirtyTwoBytes().map((bytes) => (profile.signing.secretEncoding === 'base64' ? toBase64(bytes) : toHex(bytes)));

const keyCharacters = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789');

/**
 * An `X-Api-Key` no partner owns, shaped like the primary's: another key of
 * its length and prefix, the primary's key with a character appended, or with
 * its last character changed (a typo).
 */
export function unknownApiKey(context: CheckContext): Arbitrary<string> {
  const { primary, secondary } = context.partners;
  const own = primary.apiKey;
  const prefix = own.includes('_') ? own.slice(0, own.lastIndexOf('_') + 1) : '';
  const length = Math.max(8, own.length - prefix.length);
  return fc
    .oneof(
      fc.string({ unit: keyCharacters, minLength: length, maxLength: length }).map((rest) => prefix + rest),
      keyCharacters.map((extra) => own + extra),
      keyCharacters.map((last) => own.slice(0, -1) + last),
    )
    .filter((key) => key !== own && key !== secondary?.apiKey);
}
