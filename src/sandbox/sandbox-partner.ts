/** The partners a sandbox knows: API key (identity) and signing secret, contract §1. */

export interface SandboxPartner {
  /** Sent as `X-Api-Key`. */
  readonly apiKey: string;
  /** The HMAC signing secret, in the profile's secret encoding. Never travels, never logged. */
  readonly secret: string;
}

/**
 * Two fixed, well-known sandbox partners, so hand-made curl commands in the
 * README work against any local sandbox. Sandbox-only: never valid anywhere else.
 */
export const defaultSandboxPartners: readonly SandboxPartner[] = [
  { apiKey: 'pk_sandbox_partner1', secret: 'sk_sandbox_partner1_do_not_use_in_production' },
  { apiKey: 'pk_sandbox_partner2', secret: 'sk_sandbox_partner2_do_not_use_in_production' },
];
