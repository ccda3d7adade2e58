/** Building the canonical string from the profile's template, contract §1. */

/** What the canonical string is made of. `body` is the exact text sent (empty when none). */
export interface CanonicalParts {
  readonly method: string;
  /** The request-target exactly as sent: path plus `?query`, if any. */
  readonly path: string;
  /** The `X-Request-Timestamp` value, verbatim. */
  readonly timestamp: string;
  /** Lowercase hex SHA-256 of the exact body bytes. */
  readonly bodySha256: string;
  readonly body: string;
  readonly apiKey: string;
}

const placeholder = /\{(METHOD|PATH|TIMESTAMP|BODY_SHA256|BODY|API_KEY)\}/g;

/** Placeholders a template may use. */
export const templatePlaceholders = ['METHOD', 'PATH', 'TIMESTAMP', 'BODY_SHA256', 'BODY', 'API_KEY'] as const;

/** Fills the template in one pass, so a value that itself looks like `{PATH}` is never expanded. */
export function canonicalString(template: string, parts: CanonicalParts): string {
  return template.replace(placeholder, (_, name: string) => {
    switch (name) {
      case 'METHOD':
        return parts.method.toUpperCase();
      case 'PATH':
        return parts.path;
      case 'TIMESTAMP':
        return parts.timestamp;
      case 'BODY_SHA256':
        return parts.bodySha256;
      case 'BODY':
        return parts.body;
      default:
        return parts.apiKey;
    }
  });
}
