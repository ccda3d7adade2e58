/** The signing layer, contract §1: the three auth headers over the exact bytes sent. */
import type { Profile } from '../contract/profile.js';
import { formatRfc3339 } from '../contract/rfc3339.js';
import type { CryptoPrimitives } from '../signing/crypto-primitives.js';
import { signRequest, type Credentials } from '../signing/sign-request.js';
import type { Dispatch, PreparedRequest, WireRequest } from './dispatch.js';
import { mergeHeaders } from './merge-headers.js';

export interface SigningOptions {
  readonly profile: Profile;
  /** Signs when a request names no credentials. */
  readonly primary: Credentials;
  /** The server's now, epoch ms: the default timestamp. */
  readonly serverNowMs: () => number;
  readonly crypto: CryptoPrimitives;
}

/**
 * Adds X-Api-Key, X-Request-Timestamp (default: the server's now, RFC 3339
 * whole seconds) and X-Request-Signature, unless `sign` is false; signs
 * `signedOver` values in place of those sent when given; applies the check's
 * header overrides last (so `null` removes an auth header). Runs per attempt,
 * so a retried request gets a fresh timestamp. Records the canonical string.
 */
export function withSigning(next: Dispatch<WireRequest>, { profile, primary, serverNowMs, crypto }: SigningOptions): Dispatch<PreparedRequest> {
  return (request) => {
    let headers: Record<string, string> = { ...request.headers };
    let canonicalString: string | undefined;
    let signedBy: string | undefined;
    if (request.sign !== false) {
      const { credentials = primary, signedOver = {} } = request.sign;
      const timestamp = request.sign.timestamp ?? formatRfc3339(serverNowMs());
      const signature = signRequest(
        {
          method: signedOver.method ?? request.method,
          path: signedOver.path ?? request.path,
          timestamp: signedOver.timestamp ?? timestamp,
          ...(signedOver.body !== undefined ? { body: signedOver.body } : request.body !== undefined ? { body: request.body } : {}),
        },
        credentials,
        { profile: profile.signing, crypto },
      );
      canonicalString = signature.canonicalString;
      const authHeaders = [profile.headers.apiKey, profile.headers.timestamp, profile.headers.signature].map((h) => h.toLowerCase());
      const untouched =
        request.sign.timestamp === undefined &&
        Object.keys(signedOver).length === 0 &&
        !Object.keys(request.headerOverrides).some((name) => authHeaders.includes(name.toLowerCase()));
      if (untouched) signedBy = credentials.apiKey;
      headers = {
        [profile.headers.apiKey]: credentials.apiKey,
        [profile.headers.timestamp]: timestamp,
        [profile.headers.signature]: signature.signature,
        ...headers,
      };
    }
    return next({
      method: request.method,
      path: request.path,
      headers: mergeHeaders(headers, request.headerOverrides),
      ...(request.body !== undefined ? { body: request.body } : {}),
      ...(canonicalString !== undefined ? { canonicalString } : {}),
      ...(signedBy !== undefined ? { signedBy } : {}),
      attempt: request.attempt,
    });
  };
}
