/** The engine's HTTP client: one undici Pool per thread, exact body bytes, a deadline per request. */
import { Pool } from 'undici';
import { transportErrorCode } from '../../http/transport-error-code.js';
import type { Transport, TransportOutcome } from './transport.js';

export interface UndiciTransportOptions {
  readonly target: URL;
  /** Sockets of the pool: one per VU of this thread, as k6 gives each VU its own connection. */
  readonly connections: number;
  /** Deadline of one request (headers and body), ms. */
  readonly timeoutMs: number;
  /** Read bodies (the scenario's afterResponse needs them); otherwise they are drained. */
  readonly readBodies: boolean;
}

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
      try {
        const response = await pool.request({
          method: request.method as 'POST',
          path: basePath + request.path,
          headers: request.headers,
          body: request.body,
          signal,
        });
        const headers: Record<string, string> = {};
        for (const [name, value] of Object.entries(response.headers)) if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
        let body = '';
        if (options.readBodies) body = await response.body.text();
        else await response.body.dump();
        return { status: response.statusCode, headers, body };
      } catch (error) {
        return { error: signal.aborted ? 'interrupted' : transportErrorCode(error) };
      }
    },
    close: () => pool.close().catch(() => pool.destroy()),
  };
}
