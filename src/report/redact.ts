/**
 * Defence in depth: reports are built from exchanges, which never hold a
 * secret (only signatures), but every report file still goes through
 * `redact` with the run's secrets before it is written.
 */
import { toBase64, toHex, utf8Bytes } from '../signing/bytes.js';

/** What a secret is replaced with. */
export const redactedMarker = '[REDACTED]';

const htmlEntities: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * The forms in which a secret can appear in a report: raw, base64 of its
 * UTF-8 bytes (padded, unpadded, URL-safe), lower- and upper-case hex, and
 * escaped as a JSON string, as HTML/XML text and as a URL component.
 */
export function secretForms(secret: string): string[] {
  const bytes = utf8Bytes(secret);
  const base64 = toBase64(bytes);
  const hex = toHex(bytes);
  const forms = [
    secret,
    base64,
    base64.replace(/=+$/, ''),
    base64.replace(/=+$/, '').replaceAll('+', '-').replaceAll('/', '_'),
    hex,
    hex.toUpperCase(),
    JSON.stringify(secret).slice(1, -1),
    secret.replace(/[&<>"']/g, (char) => htmlEntities[char]!),
    encodeURIComponent(secret),
  ];
  return [...new Set(forms)].filter((form) => form.length > 0);
}

/**
 * Replaces every occurrence of each secret, in each of its `secretForms`,
 * with `[REDACTED]`. Longer forms go first so that no fragment of a longer
 * one survives. Empty secrets are ignored.
 */
export function redact(text: string, secrets: readonly string[]): string {
  const forms = [...new Set(secrets.filter((s) => s.length > 0).flatMap(secretForms))].sort((a, b) => b.length - a.length);
  let out = text;
  for (const form of forms) out = out.replaceAll(form, redactedMarker);
  return out;
}
