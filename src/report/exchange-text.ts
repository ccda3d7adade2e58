/** One exchange as plain text, HTTP-message style, for JUnit, Markdown and the terminal. */
import type { Failure } from '../checks/failure.js';
import type { Exchange } from '../http/exchange.js';
import { formatDuration } from './format-duration.js';
import { prettyBody } from './json-text.js';
import { truncateText } from './truncate-text.js';

export interface ExchangeTextOptions {
  /** Longest body shown, in characters (default 2000); the rest is cut with a note. */
  readonly maxBodyChars?: number;
}

/**
 * The request line, headers and exact body sent, then the status line,
 * headers and body received (JSON pretty-printed), or the transport error.
 */
export function exchangeText(exchange: Exchange, options: ExchangeTextOptions = {}): string {
  const maxBodyChars = options.maxBodyChars ?? 2000;
  const { request, response, error } = exchange;
  const lines = [`> ${request.method} ${request.url}`];
  for (const [name, value] of Object.entries(request.headers)) lines.push(`> ${name}: ${value}`);
  if (request.body !== undefined) lines.push('>', truncateText(request.body, maxBodyChars));
  lines.push('');
  const took = `(${formatDuration(exchange.durationMs)}${exchange.attempt > 1 ? `, attempt ${exchange.attempt}` : ''})`;
  if (response) {
    lines.push(`< HTTP ${response.status} ${took}`);
    for (const [name, value] of Object.entries(response.headers)) lines.push(`< ${name}: ${value}`);
    if (response.body !== '') lines.push('<', truncateText(prettyBody(response.body), maxBodyChars));
    if (response.bodyTruncated) lines.push('(body cut at the recording limit)');
  } else {
    lines.push(`< no response ${took}: ${error?.code ?? 'other'}: ${error?.message ?? 'no response recorded'}`);
  }
  return lines.join('\n');
}

/** A one-line summary: `POST /v1/users → 201` or `POST /v1/users → timeout`. */
export function exchangeLine(exchange: Exchange): string {
  const outcome = exchange.response ? String(exchange.response.status) : (exchange.error?.code ?? 'no response');
  return `${exchange.request.method} ${exchange.request.path} → ${outcome}`;
}

/** The exchange that shows the violation: the failure's last one (earlier ones set the scene). */
export function decisiveExchange(failure: Failure): Exchange | undefined {
  return failure.exchanges.at(-1);
}
