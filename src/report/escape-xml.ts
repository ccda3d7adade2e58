/** Escaping for XML and HTML text and attribute values. */
import { showControlCharacters } from './control-characters.js';

const entities: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Escapes `& < > " '` so the result is safe as element text and inside a
 * quoted attribute, in XML 1.0 and in HTML alike; characters XML forbids
 * become visible `\uXXXX` text. Apply to everything that comes from the
 * target or from generated values.
 */
export function escapeXml(text: string): string {
  return showControlCharacters(text).replace(/[&<>"']/g, (char) => entities[char]!);
}

/** Escapes only `& < >`: enough for element text, and easier to read in raw XML. Forbidden characters as in `escapeXml`. */
export function escapeXmlText(text: string): string {
  return showControlCharacters(text).replace(/[&<>]/g, (char) => entities[char]!);
}

/**
 * Like `escapeXml` for attribute values, and also keeps line breaks and tabs
 * as character references: an XML parser normalises raw ones to spaces.
 */
export function escapeXmlAttribute(text: string): string {
  return escapeXml(text).replace(/[\t\n\r]/g, (char) => `&#${char.charCodeAt(0)};`);
}
