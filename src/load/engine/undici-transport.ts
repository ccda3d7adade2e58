/** The engine's HTTP client: one undici Pool per thread, exact body bytes, a deadline per request. */
import { Pool } from 'undici';
import { readLimitedBody } from '../../http/read-limited-body.js';
import { transportErrorCode } from '../../http/transport-error-code.js';
import type { Transport, TransportOutcome } from './transport.js';

export interface UndiciTransportOptions {
  readonly target: URL;
  /** Sockets of the pool: one per VU of this thread, as k6 gives each VU its own connection. */
  readonly connections: number;
  /** Deadline of one whole request (connecting, headers and body together), ms. */
  readonly timeoutMs: number;
  /** Read bodies (the scenario's afterResponse needs them); otherwise they are drained. */
  readonly readBodies: boolean;
}

/** At most this many bytes of a response body are read for the scenario's afterResponse. */
const maxBodyBytes = 1024 * 1024;

export function undiciTransport(options: UndiciTransportOptions): Transport {
  const pool = new Pool(options.target.origin, {
    connections: options.connections,
    pipelining: 1,
    keepAliveTimeout: 10_000,
    headersTimeout: options.timeoutMs,
    bodyTimeout: options.timeoutMs,
    connect: { timeout: Math.min(options.timeoutMs, 10_000) },
  });
  const basePath = options.target.pathname.replace(/\/+$/, '');
  return {
    async send(request, signal): Promise<TransportOutcome> {
      // undici's headers and body timeouts are idle timeouts: a body dribbled
      // a byte at a time never trips them. The deadline covers the whole exchange.
      const deadline = new AbortController();
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        deadline.abort();
      }, options.timeoutMs);
      const forward = () => deadline.abort(signal.reason);
      if (signal.aborted) forward();
      else signal.addEventListener('abort', forward, { once: true });
      let answered = false;
      try {
        const response = await pool.request({
          method: request.method as 'POST',
          path: basePath + request.path,
          headers: request.headers,
          body: request.body,
          signal: deadline.signal,
        });
        answered = true;
        const headers: Record<string, string> = {};
        for (const [name, value] of Object.entries(response.headers)) if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
        let body = '';
        // A body past the cap is cut (and the connection dropped): a 50 MB answer costs neither memory nor time.
        if (options.readBodies) body = (await readLimitedBody(response.body, maxBodyBytes)).bytes.toString('utf8');
        else await response.body.dump();
        return { status: response.statusCode, headers, body };
      } catch (error) {
        if (signal.aborted) return { error: 'interrupted' };
        if (timedOut) return { error: 'timeout' };
        const code = transportErrorCode(error);
        // As in the harness's client: a connection lost after the headers is a broken response, not an unreachable target.
        return { error: answered && (code === 'connection-reset' || code === 'other') ? 'invalid-response' : code };
      } finally {
        clearTimeout(timer);
        signal.removeEventListener('abort', forward);
      }
    },
    close: () => pool.close().catch(() => pool.destroy()),
  };
}
