/** Escaping for GitHub-flavoured Markdown: inline text, code spans and fenced blocks. */
import { showControlCharacters } from './control-characters.js';

/**
 * Text that renders literally inline and inside a table cell: Markdown and
 * HTML punctuation backslash-escaped, `&` and `<` as entities (GitHub would
 * otherwise read tags), line breaks as spaces.
 */
export function markdownInline(text: string): string {
  return showControlCharacters(text)
    .replace(/\r?\n|\r/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]|~]/g, (char) => `\\${char}`);
}

/**
 * A code span that holds any text: the fence is longer than any backtick run
 * inside. Set `inTable` inside a table cell, where GFM needs pipes escaped.
 */
export function markdownCode(text: string, inTable = false): string {
  const flat = showControlCharacters(text).replace(/\r?\n|\r/g, ' ');
  const longestRun = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  const padded = flat.startsWith('`') || flat.endsWith('`') ? ` ${flat} ` : flat;
  return `${fence}${inTable ? padded.replaceAll('|', '\\|') : padded}${fence}`;
}

/** A fenced code block that no content can close early: the fence is longer than any backtick run inside. */
export function markdownFence(text: string, language = ''): string {
  const longestRun = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longestRun + 1));
  return `${fence}${language}\n${showControlCharacters(text)}\n${fence}`;
}
