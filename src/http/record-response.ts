/** The response half of an exchange. */
import type { RecordedResponse } from './exchange.js';
import type { LimitedBody } from './read-limited-body.js';

const lossyUtf8 = new TextDecoder('utf-8');

/**
 * Records a response: header names in lower case (repeated headers joined
 * with `, `), the body as UTF-8 text, and `json` when a complete body parses
 * as JSON (whatever its Content-Type; checks judge the Content-Type).
 */
export function recordResponse(
  status: number,
  headers: Readonly<Record<string, string | string[] | undefined>>,
  { bytes, truncated }: LimitedBody,
): RecordedResponse {
  const recordedHeaders: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) recordedHeaders[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  const body = lossyUtf8.decode(bytes);
  const response: RecordedResponse = { status, headers: recordedHeaders, body, ...(truncated ? { bodyTruncated: true } : {}) };
  if (truncated || body.trim() === '') return response;
  try {
    return { ...response, json: JSON.parse(body) as unknown };
  } catch {
    return response;
  }
}
