/** The request half of an exchange. */
import type { WireRequest } from './dispatch.js';
import type { RecordedRequest } from './exchange.js';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const lossyUtf8 = new TextDecoder('utf-8');

/** Records `request` as sent to `origin`: the body as text, plus base64 when its bytes are not valid UTF-8. */
export function recordRequest(origin: string, request: WireRequest): RecordedRequest {
  const recorded = { method: request.method, url: origin + request.path, path: request.path, headers: { ...request.headers } };
  if (request.body === undefined) return recorded;
  try {
    return { ...recorded, body: strictUtf8.decode(request.body) };
  } catch {
    const bodyBase64 = Buffer.from(request.body.buffer, request.body.byteOffset, request.body.byteLength).toString('base64');
    return { ...recorded, body: lossyUtf8.decode(request.body), bodyBase64 };
  }
}
