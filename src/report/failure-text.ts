/** One failure as plain text, ending with its reproduction (style §6). */
import type { Failure } from '../checks/failure.js';
import { decisiveExchange, exchangeLine, exchangeText } from './exchange-text.js';
import { jsonText } from './json-text.js';
import { truncateText } from './truncate-text.js';

export interface FailureTextOptions {
  /** Longest body shown, in characters (default 2000). */
  readonly maxBodyChars?: number;
}

/**
 * Message, expected and actual, seed and path, counterexample, the earlier
 * exchanges as one line each, the decisive exchange in full, then the curl
 * and replay commands.
 */
export function failureText(failure: Failure, options: FailureTextOptions = {}): string {
  const maxBodyChars = options.maxBodyChars ?? 2000;
  const lines = [
    `${failure.id}: ${failure.message}`,
    `expected: ${failure.expected}`,
    `actual:   ${failure.actual}`,
  ];
  if (failure.seed !== undefined) lines.push(`seed: ${failure.seed}${failure.path !== undefined ? `  path: ${failure.path}` : ''}`);
  if (failure.counterexample !== undefined) lines.push(`counterexample: ${truncateText(jsonText(failure.counterexample, 0), maxBodyChars)}`);
  const decisive = decisiveExchange(failure);
  const earlier = failure.exchanges.slice(0, -1);
  if (earlier.length > 0) lines.push('', 'earlier exchanges:', ...earlier.map((e) => `  ${e.id} ${exchangeLine(e)}`));
  if (decisive) lines.push('', `decisive exchange ${decisive.id}:`, exchangeText(decisive, { maxBodyChars }));
  lines.push('', 'reproduce:');
  if (failure.curl !== undefined) lines.push(failure.curl);
  lines.push(failure.replay);
  return lines.join('\n');
}
