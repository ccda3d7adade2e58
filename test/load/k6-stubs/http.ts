/** Stub of `k6/http`: request() goes to the stub state's synchronous backend. */
import { stubState } from './stub-state.js';

interface Params {
  headers?: Record<string, string>;
  tags?: Record<string, string>;
}

export function request(method: string, url: string, body: string | null, params: Params = {}) {
  const state = stubState();
  const sent = { method, url, body: body ?? '', headers: params.headers ?? {}, tags: params.tags ?? {} };
  state.requests.push(sent);
  const response = state.send(sent);
  return { status: response.status, headers: response.headers, body: response.body, timings: { duration: response.durationMs } };
}

export function expectedStatuses(...statuses: unknown[]) {
  return { statuses };
}

export function setResponseCallback(callback: { statuses: unknown[] }): void {
  stubState().expectedStatuses = callback.statuses;
}

export default { request, expectedStatuses, setResponseCallback };
