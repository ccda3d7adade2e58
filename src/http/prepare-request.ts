/** From a check's `OutgoingRequest` to the bytes and headers the client will send. */
import type { OutgoingRequest } from '../checks/check-context.js';
import type { Profile } from '../contract/profile.js';
import { utf8Bytes } from '../signing/bytes.js';
import type { PreparedRequest } from './dispatch.js';

/** The exact body bytes: `body` as given (a string as UTF-8), else `json` serialised once with JSON.stringify. */
export function requestBodyBytes(request: OutgoingRequest): Uint8Array | undefined {
  if (request.body !== undefined) return typeof request.body === 'string' ? utf8Bytes(request.body) : request.body;
  if (request.json === undefined) return undefined;
  const text = JSON.stringify(request.json) as string | undefined;
  return text === undefined ? undefined : utf8Bytes(text);
}

/**
 * Fills in the profile's defaults (method and path of the endpoint, its
 * header names), serialises the body once, and adds Content-Type (default
 * `application/json` when there is a body), an explicit Content-Length and
 * the Idempotency-Key. The path is kept verbatim.
 */
export function prepareRequest(request: OutgoingRequest, profile: Profile): PreparedRequest {
  const body = requestBodyBytes(request);
  const headers: Record<string, string> = {};
  const contentType = request.contentType === undefined ? (body === undefined ? undefined : 'application/json') : request.contentType;
  if (contentType !== null && contentType !== undefined) headers['Content-Type'] = contentType;
  if (body !== undefined) headers['Content-Length'] = String(body.byteLength);
  if (request.idempotencyKey !== undefined) headers[profile.headers.idempotencyKey] = request.idempotencyKey;
  return {
    method: request.method ?? profile.endpoint.method,
    path: request.path ?? profile.endpoint.path,
    ...(body === undefined ? {} : { body }),
    headers,
    headerOverrides: request.headers ?? {},
    sign: request.sign === false ? false : (request.sign ?? {}),
    pace: request.pace !== false,
    retryOn429: request.retryOn429 !== false,
    attempt: 1,
  };
}
