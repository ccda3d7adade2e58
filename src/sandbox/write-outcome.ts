/** Sending an outcome: JSON body, rate-limit headers, `Idempotent-Replayed` (contract §4, §5, §6). */
import type { ServerResponse } from 'node:http';
import type { Outcome } from './exchange.js';

export function writeOutcome(
  res: ServerResponse,
  outcome: Outcome,
  exchangeHeaders: { readonly [name: string]: string } | undefined,
  date: string | undefined,
): void {
  if (res.writableEnded || res.destroyed) return;
  const headers: { [name: string]: string | number } = {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(outcome.body),
  };
  if (exchangeHeaders) Object.assign(headers, exchangeHeaders);
  if (outcome.headers) Object.assign(headers, outcome.headers);
  if (outcome.replayed) headers['Idempotent-Replayed'] = 'true';
  if (outcome.closeConnection) headers['Connection'] = 'close';
  if (date !== undefined) headers['Date'] = date;
  res.writeHead(outcome.status, headers);
  res.end(outcome.body);
}
