/** Signing and verifying a request, contract §1. Pure: the runtime's crypto is passed in. */
import type { SigningProfile } from '../contract/profile.js';
import { constantTimeEqual, toBase64, toHex, utf8Bytes } from './bytes.js';
import { canonicalString } from './canonical-string.js';
import type { CryptoPrimitives } from './crypto-primitives.js';
import { secretKeyBytes } from './secret-key.js';

/** The parts of a request that are signed. `body` is the exact text or bytes sent. */
export interface SignableRequest {
  readonly method: string;
  readonly path: string;
  readonly timestamp: string;
  readonly body?: string | Uint8Array;
}

export interface Credentials {
  readonly apiKey: string;
  readonly secret: string;
}

export interface Signature {
  readonly canonicalString: string;
  readonly bodySha256: string;
  /** The header value: prefix plus encoded HMAC. */
  readonly signature: string;
}

export interface SignOptions {
  readonly profile: SigningProfile;
  readonly crypto: CryptoPrimitives;
}

const emptyBody = new Uint8Array(0);
const utf8Decoder = typeof TextDecoder === 'function' ? new TextDecoder() : undefined;

function bodyParts(body: string | Uint8Array | undefined): { bytes: Uint8Array; text: string } {
  if (body === undefined) return { bytes: emptyBody, text: '' };
  if (typeof body === 'string') return { bytes: utf8Bytes(body), text: body };
  // {BODY} templates need the text; k6 has no TextDecoder, and k6 scenarios sign strings.
  return { bytes: body, text: utf8Decoder ? utf8Decoder.decode(body) : '' };
}

/** The canonical string and its signature for `request`, signed with the secret of `credentials`. */
export function signRequest(request: SignableRequest, credentials: Credentials, { profile, crypto }: SignOptions): Signature {
  const { bytes, text } = bodyParts(request.body);
  const bodySha256 = toHex(crypto.sha256(bytes));
  const canonical = canonicalString(profile.template, {
    method: request.method,
    path: request.path,
    timestamp: request.timestamp,
    bodySha256,
    body: text,
    apiKey: credentials.apiKey,
  });
  const mac = crypto.hmacSha256(secretKeyBytes(credentials.secret, profile.secretEncoding), utf8Bytes(canonical));
  const encoded = profile.signatureEncoding === 'hex' ? toHex(mac) : toBase64(mac);
  return { canonicalString: canonical, bodySha256, signature: profile.signaturePrefix + encoded };
}

/**
 * Whether `presented` is the signature of `request` under `credentials`,
 * compared in constant time. Also returns what was expected, for
 * `--debug-signatures` (the canonical string, never the secret).
 */
export function verifySignature(
  request: SignableRequest,
  credentials: Credentials,
  presented: string,
  options: SignOptions,
): { readonly valid: boolean; readonly expected: Signature } {
  const expected = signRequest(request, credentials, options);
  return { valid: constantTimeEqual(expected.signature, presented), expected };
}
