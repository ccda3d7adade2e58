/**
 * The profile: every value of the Partner API contract that a real API may
 * document differently (marked *(profile)* in the contract). The default
 * profile is contract.md as written; a config file overrides any part of it.
 */
import { defaultFieldRules, type FieldRules } from './field-rules.js';

export type SecretEncoding = 'utf8' | 'hex' | 'base64';
export type SignatureEncoding = 'hex' | 'base64';

/** Request signing, contract §1. */
export interface SigningProfile {
  /**
   * The canonical string. Placeholders: `{METHOD}`, `{PATH}` (request-target as
   * sent, with `?query`), `{TIMESTAMP}` (header value verbatim),
   * `{BODY_SHA256}` (lowercase hex of the exact body bytes), `{BODY}` (the body
   * itself), `{API_KEY}`.
   */
  readonly template: string;
  /** How the signing secret string turns into HMAC key bytes. */
  readonly secretEncoding: SecretEncoding;
  /** How the 32-byte HMAC is written in the signature header. */
  readonly signatureEncoding: SignatureEncoding;
  /** Text before the encoded signature in the header, e.g. `v1=` (default none). */
  readonly signaturePrefix: string;
}

/** Header names, contract §1 and §4. */
export interface HeaderNames {
  readonly apiKey: string;
  readonly timestamp: string;
  readonly signature: string;
  readonly idempotencyKey: string;
}

/** The clock-skew window, contract §1. */
export interface ClockSkewProfile {
  /** W: accepted distance from the server's clock, past and future alike. */
  readonly windowSeconds: number;
  /** m: the margin the harness keeps around W when probing its edges. */
  readonly marginSeconds: number;
}

/** Idempotency-Key semantics, contract §4. */
export interface IdempotencyProfile {
  /** How long a stored result is replayed. */
  readonly ttlSeconds: number;
  /** `bytes`: SHA-256 of the body bytes; `json`: of its canonical JSON (key order and spacing ignored). */
  readonly fingerprint: 'bytes' | 'json';
  /** The status for the same key with another body. */
  readonly mismatchStatus: 400 | 409 | 422;
}

/** The rate limit, contract §6. */
export interface RateLimitProfile {
  /** Sustained requests per second per API key. */
  readonly requestsPerSecond: number;
  /** Requests that may arrive at once (the token bucket's capacity). */
  readonly burst: number;
  readonly scope: 'apiKey';
}

/** The age rule, contract §3. */
export interface AgeProfile {
  readonly minimumYears: number;
}

/** The full profile. */
export interface Profile {
  readonly endpoint: { readonly method: string; readonly path: string };
  readonly headers: HeaderNames;
  readonly signing: SigningProfile;
  readonly clockSkew: ClockSkewProfile;
  readonly idempotency: IdempotencyProfile;
  readonly rateLimit: RateLimitProfile;
  /** Largest accepted body in bytes; larger bodies get 400. */
  readonly maxBodyBytes: number;
  readonly fields: FieldRules;
  readonly age: AgeProfile;
  /** Reject postal codes whose first letter does not belong to the province (off by default). */
  readonly postalCodeProvinceCheck: boolean;
}

/** The canonical-string template of contract §1. */
export const defaultTemplate = '{METHOD}\n{PATH}\n{TIMESTAMP}\n{BODY_SHA256}';

/** contract.md as written. */
export const defaultProfile: Profile = {
  endpoint: { method: 'POST', path: '/v1/users' },
  headers: {
    apiKey: 'X-Api-Key',
    timestamp: 'X-Request-Timestamp',
    signature: 'X-Request-Signature',
    idempotencyKey: 'Idempotency-Key',
  },
  signing: { template: defaultTemplate, secretEncoding: 'utf8', signatureEncoding: 'hex', signaturePrefix: '' },
  clockSkew: { windowSeconds: 300, marginSeconds: 30 },
  idempotency: { ttlSeconds: 86_400, fingerprint: 'bytes', mismatchStatus: 422 },
  rateLimit: { requestsPerSecond: 50, burst: 50, scope: 'apiKey' },
  maxBodyBytes: 65_536,
  fields: defaultFieldRules,
  age: { minimumYears: 18 },
  postalCodeProvinceCheck: false,
};
