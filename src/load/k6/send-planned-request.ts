/** Sends a `PlannedRequest` with k6/http and reads the answer as an `ObservedResponse`. */
import http from 'k6/http';
import type { ObservedResponse, PlannedRequest } from '../scenario-definition.js';

/**
 * Sends `planned` to `target` (base URL without trailing slash). Tags: the
 * request's own plus `name` = the path, so every iteration lands in one time
 * series. Header names come back lower-cased (k6 canonicalises them).
 */
export function sendPlannedRequest(target: string, planned: PlannedRequest, extraTags: Readonly<Record<string, string>> = {}): ObservedResponse {
  const response = http.request(planned.method, target + planned.path, planned.body, {
    headers: { ...planned.headers },
    tags: { ...planned.tags, ...extraTags, name: planned.path },
    responseType: 'text',
  });
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(response.headers)) headers[name.toLowerCase()] = String(value);
  return {
    status: response.status,
    headers,
    body: typeof response.body === 'string' ? response.body : '',
    durationMs: response.timings.duration,
    receivedAtMs: Date.now(),
  };
}
