/** A signed `POST /v1/users` over the exact body bytes, contract §1. */
import type { PlannedRequest, ScenarioEnv } from '../scenario-definition.js';
import { signRequest } from '../../signing/sign-request.js';

export interface SignedCreateOptions {
  readonly idempotencyKey?: string;
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * The create request for `body`, signed with `env.partner` at `env.nowMs()`.
 * The timestamp keeps milliseconds (RFC 3339 allows fractional seconds,
 * contract §1) so that two identical bodies sent within one second are not
 * byte-identical replays, which a target MAY reject.
 */
export function signedCreate(env: ScenarioEnv, body: string, options: SignedCreateOptions = {}): PlannedRequest {
  const { profile } = env;
  const timestamp = new Date(env.nowMs()).toISOString();
  const { method, path } = profile.endpoint;
  const { signature } = signRequest({ method, path, timestamp, body }, env.partner, { profile: profile.signing, crypto: env.crypto });
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    [profile.headers.apiKey]: env.partner.apiKey,
    [profile.headers.timestamp]: timestamp,
    [profile.headers.signature]: signature,
  };
  if (options.idempotencyKey !== undefined) headers[profile.headers.idempotencyKey] = options.idempotencyKey;
  return { method, path, headers, body, ...(options.tags ? { tags: options.tags } : {}) };
}
