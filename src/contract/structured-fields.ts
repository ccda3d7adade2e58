/**
 * The small part of RFC 8941 structured fields that rate-limit headers need
 * (contract §6): splitting lists and parameters outside quoted strings, and
 * reading integers. Tolerant: the checks and the load analysis read what
 * targets really send, old drafts included.
 */

/** Splits on `separator` outside double quotes; trims and drops empty parts. */
export function splitOutsideQuotes(text: string, separator: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    if (char === separator && !quoted) {
      parts.push(current);
      current = '';
    } else current += char;
  }
  parts.push(current);
  return parts.map((part) => part.trim()).filter((part) => part !== '');
}

/** An integer written in decimal (sign allowed), or undefined. */
export const structuredInteger = (text: string | undefined): number | undefined =>
  text !== undefined && /^-?\d+$/.test(text.trim()) ? Number(text.trim()) : undefined;
