/**
 * Verifying `X-Request-Signature`, contract §1, on the sandbox's hot path.
 * Same canonical string as `signRequest` (it is built by the signing module),
 * but with `node:crypto` HMAC keys prepared once per partner and the body hash
 * computed while the body streamed in. The test suite signs with
 * `signRequest`, so the two cannot drift apart unnoticed.
 */
import { createHmac, createSecretKey, type KeyObject } from 'node:crypto';
import type { SigningProfile } from '../contract/profile.js';
import { constantTimeEqual } from '../signing/bytes.js';
import { canonicalString } from '../signing/canonical-string.js';
import { usageError } from '../errors.js';
import { secretKeyBytes } from '../signing/secret-key.js';
import type { SandboxPartner } from './sandbox-partner.js';

/** The signed parts of a received request. */
export interface ReceivedRequest {
  readonly method: string;
  /** The request-target exactly as received (path and `?query`). */
  readonly target: string;
  /** The `X-Request-Timestamp` value, verbatim. */
  readonly timestamp: string;
  /** Lowercase hex SHA-256 of the exact body bytes. */
  readonly bodySha256: string;
  /** The body text, needed only by templates with `{BODY}`. */
  readonly bodyText: () => string;
}

export interface SignatureCheck {
  readonly valid: boolean;
  /** What the sandbox signed, for `debugSignatures`: never the secret, never the expected signature. */
  readonly canonicalString: string;
}

export interface SignatureVerifier {
  /** Whether the template signs the body text itself (`{BODY}`), not only its hash. */
  readonly needsBodyText: boolean;
  verify(request: ReceivedRequest, partner: SandboxPartner, presented: string): SignatureCheck;
}

/**
 * A verifier for `partners` under `profile`. HMAC keys are decoded once, here,
 * so a secret that is not valid in the profile's encoding is a usage error at
 * start, not a 500 at the first request.
 */
export function createSignatureVerifier(profile: SigningProfile, partners: readonly SandboxPartner[]): SignatureVerifier {
  const keys = new Map<string, KeyObject>();
  for (const partner of partners) {
    try {
      keys.set(partner.apiKey, createSecretKey(secretKeyBytes(partner.secret, profile.secretEncoding)));
    } catch {
      throw usageError('BOCA_CREDENTIALS', `The secret of sandbox partner ${partner.apiKey} is not valid ${profile.secretEncoding} (profile.signing.secretEncoding)`);
    }
  }
  const keyOf = (partner: SandboxPartner): KeyObject =>
    keys.get(partner.apiKey) ?? createSecretKey(secretKeyBytes(partner.secret, profile.secretEncoding));
  const needsBodyText = profile.template.includes('{BODY}');
  const digestEncoding = profile.signatureEncoding === 'hex' ? 'hex' : 'base64';
  return {
    needsBodyText,
    verify(request, partner, presented) {
      const canonical = canonicalString(profile.template, {
        method: request.method,
        path: request.target,
        timestamp: request.timestamp,
        bodySha256: request.bodySha256,
        body: needsBodyText ? request.bodyText() : '',
        apiKey: partner.apiKey,
      });
      const expected = profile.signaturePrefix + createHmac('sha256', keyOf(partner)).update(canonical, 'utf8').digest(digestEncoding);
      return { valid: constantTimeEqual(expected, presented), canonicalString: canonical };
    },
  };
}
