/** The innermost layer: one request on an undici dispatcher, with a deadline, as an exchange draft. */
import type { Dispatcher } from 'undici';
import type { Transport, WireRequest } from './dispatch.js';
import type { TransportErrorCode } from './exchange.js';
import { readLimitedBody } from './read-limited-body.js';
import { recordRequest } from './record-request.js';
import { recordResponse } from './record-response.js';
import { transportErrorCode } from './transport-error-code.js';

export interface UndiciTransportOptions {
  /** The target's origin, e.g. `http://127.0.0.1:8080`. */
  readonly origin: string;
  /** A dispatcher bound to `origin` (the client's Pool). */
  readonly dispatcher: Dispatcher;
  /** Deadline for the whole exchange, headers and body, ms. */
  readonly timeoutMs: number;
  /** At most this many body bytes are recorded; the rest is cut. */
  readonly maxResponseBytes: number;
  /** Local clock, epoch ms. */
  readonly now: () => number;
  /** The run's signal: aborting cancels the request (recorded as `aborted`). */
  readonly signal?: AbortSignal;
}

const flatHeaders = (headers: Readonly<Record<string, string>>): string[] => Object.entries(headers).flat();

function errorMessage(error: unknown, code: TransportErrorCode, timeoutMs: number, status: number | undefined): string {
  if (code === 'aborted') return 'the run was aborted';
  if (code === 'timeout') return status === undefined ? `no response within ${timeoutMs} ms` : `the ${status} response's headers came, but its body was not complete within ${timeoutMs} ms`;
  const message = error instanceof Error ? error.message : String(error);
  const errorCode = (error as { code?: unknown } | null)?.code;
  const detail = typeof errorCode === 'string' && !message.includes(errorCode) ? `${errorCode}: ${message}` : message;
  return status === undefined ? detail : `the ${status} response was cut off mid-body (${detail})`;
}

/**
 * The error code of a failure. Once the status line and headers have come,
 * a connection closed or reset mid-body is a broken response
 * (`invalid-response`), not an unreachable target.
 */
function errorCode(error: unknown, timedOut: boolean, aborted: boolean, status: number | undefined): TransportErrorCode {
  if (timedOut) return 'timeout';
  if (aborted) return 'aborted';
  const code = transportErrorCode(error);
  return status !== undefined && (code === 'connection-reset' || code === 'other') ? 'invalid-response' : code;
}

/**
 * Sends the body as one Buffer (the exact bytes, Content-Length set by the
 * request's headers), the request-target and method verbatim. The deadline
 * covers connecting, headers and body. Never rejects: transport failures
 * become an exchange with `error` and no `response`.
 */
export function createUndiciTransport({ origin, dispatcher, timeoutMs, maxResponseBytes, now, signal }: UndiciTransportOptions): Transport {
  // One listener on the run's signal for all requests (a listener per request
  // would trip Node's listener-leak warning under concurrency).
  const inFlight = new Set<AbortController>();
  signal?.addEventListener('abort', () => {
    for (const controller of inFlight) controller.abort(signal.reason);
  }, { once: true });
  return async (request: WireRequest) => {
    const recorded = recordRequest(origin, request);
    const base = {
      request: recorded,
      attempt: request.attempt,
      ...(request.canonicalString !== undefined ? { canonicalString: request.canonicalString } : {}),
      ...(request.signedBy !== undefined ? { signedBy: request.signedBy } : {}),
    };
    const sentAtMs = now();
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort(new Error('timeout'));
    }, timeoutMs);
    if (signal?.aborted) controller.abort(signal.reason);
    inFlight.add(controller);
    let status: number | undefined;
    try {
      const body = request.body && Buffer.from(request.body.buffer, request.body.byteOffset, request.body.byteLength);
      const response = await dispatcher.request({
        method: request.method as Dispatcher.HttpMethod,
        path: request.path,
        headers: flatHeaders(request.headers),
        ...(body !== undefined ? { body } : {}),
        signal: controller.signal,
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
      });
      status = response.statusCode;
      const limited = await readLimitedBody(response.body, maxResponseBytes);
      return { ...base, response: recordResponse(response.statusCode, response.headers, limited), sentAtMs, durationMs: now() - sentAtMs };
    } catch (error) {
      const code = errorCode(error, timedOut, signal?.aborted === true, status);
      const message = errorMessage(error, code, timeoutMs, status);
      return { ...base, error: { code, message, ...(status !== undefined ? { status } : {}) }, sentAtMs, durationMs: now() - sentAtMs };
    } finally {
      clearTimeout(timer);
      inFlight.delete(controller);
    }
  };
}
