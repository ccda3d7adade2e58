/**
 * Characters XML 1.0 cannot hold at all (not even as `&#1;`): C0 controls
 * other than tab, LF and CR, lone UTF-16 surrogates, U+FFFE and U+FFFF.
 * Targets and generated inputs can produce them, so every report shows them
 * as visible `\uXXXX` text instead of dropping them silently.
 */
// Under the `u` flag a surrogate class matches only lone (unpaired) surrogates.
const forbidden = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/gu;

/** Replaces each forbidden character with the six visible characters `\uXXXX`. */
export function showControlCharacters(text: string): string {
  return text.replace(forbidden, (char) => `\\u${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
}
