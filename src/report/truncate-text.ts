/** Cutting long target output down for reports that must stay readable. */

/** The first `maxChars` characters of `text`, plus a note of how many were left out; `text` itself when short enough. */
export function truncateText(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  // Never cut a surrogate pair in half.
  const end = /[\uD800-\uDBFF]/.test(text.charAt(maxChars - 1)) ? maxChars - 1 : maxChars;
  return `${text.slice(0, end)}\n… (${text.length - end} more characters)`;
}
