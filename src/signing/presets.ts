/** Named signing profiles. `default` is contract §1; the others are common variants a real API may use. */
import { defaultTemplate, type SigningProfile } from '../contract/profile.js';

export const signingPresets = {
  /** contract §1: `{METHOD}\n{PATH}\n{TIMESTAMP}\n{BODY_SHA256}`, UTF-8 secret, lowercase hex. */
  default: { template: defaultTemplate, secretEncoding: 'utf8', signatureEncoding: 'hex', signaturePrefix: '' },
  /** Stripe-style: `{TIMESTAMP}.{BODY}` over the raw body, lowercase hex. */
  stripe: { template: '{TIMESTAMP}.{BODY}', secretEncoding: 'utf8', signatureEncoding: 'hex', signaturePrefix: '' },
  /** Slack-style: `v0:{TIMESTAMP}:{BODY}`, header `v0=<hex>`. */
  slack: { template: 'v0:{TIMESTAMP}:{BODY}', secretEncoding: 'utf8', signatureEncoding: 'hex', signaturePrefix: 'v0=' },
  /** The default string with a base64 secret and a base64 signature (Standard-Webhooks-like encodings). */
  base64: { template: defaultTemplate, secretEncoding: 'base64', signatureEncoding: 'base64', signaturePrefix: '' },
} as const satisfies Record<string, SigningProfile>;

export type SigningPresetName = keyof typeof signingPresets;
