/**
 * The engine's HTTP client: one undici Pool per thread, exact body bytes, a
 * deadline per request. Built on `dispatch` with a plain handler rather than
 * `pool.request`: no response stream, no AbortSignal and no timer per
 * request. At thousands of requests a second those cost more CPU than the
 * HTTP itself (bench/RESULTS.md, "rate accuracy").
 *
 * `open(n)` connects sockets before the schedule starts (wrk and autocannon
 * connect first too; k6 connects on first use). Without them the first
 * requests of a fast schedule each wait for a new connection, the requests
 * behind them find every socket busy and open more, and a run at 5,000/s
 * starts by opening hundreds of connections instead of sending.
 */
import type { Socket } from 'node:net';
import { buildConnector, Pool, type Dispatcher } from 'undici';
import { transportErrorCode } from '../../http/transport-error-code.js';
import { realClock } from './clock.js';
import { deadlineSweeper } from './deadline-sweeper.js';
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

/** How long `open` waits for the target to accept, ms. */
const openWaitMs = 2_000;

/** Sockets opened ahead and not yet used are closed after this long (servers close idle connections, nginx after 60 s). */
const spareLifetimeMs = 5_000;

/** At most this many bytes of a response body are read for the scenario's afterResponse. */
const maxBodyBytes = 1024 * 1024;

type Controller = Dispatcher.DispatchController;
type Ending = 'timeout' | 'interrupted';

/** One request in flight: the dispatch handler and its own settling. */
interface InFlight extends Dispatcher.DispatchHandler {
  /** Why the engine ended it, if it did. */
  ending?: Ending;
  end(ending: Ending): void;
}

/** An idle socket opened ahead that breaks is closed; the pool never gets it. */
function spareError(this: Socket): void {
  this.destroy();
}

/** Response headers as one string per name (repeated headers joined with ", "). */
function flatHeaders(headers: Readonly<Record<string, string | string[] | undefined>>): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const name in headers) {
    const value = headers[name];
    if (value !== undefined) flat[name] = typeof value === 'string' ? value : value.join(', ');
  }
  return flat;
}

export function undiciTransport(options: UndiciTransportOptions): Transport {
  const connector = buildConnector({ timeout: Math.min(options.timeoutMs, 10_000) });
  const spares: Socket[] = [];
  let closed = false;
  let sparesExpire: ReturnType<typeof setTimeout> | undefined;
  const dropSpares = (): void => {
    for (const socket of spares.splice(0)) socket.destroy();
  };
  const pool = new Pool(options.target.origin, {
    connections: options.connections,
    pipelining: 1,
    keepAliveTimeout: 10_000,
    headersTimeout: options.timeoutMs,
    bodyTimeout: options.timeoutMs,
    // A socket opened ahead when one is still alive, else a new one.
    connect: (connectOptions, callback) => {
      for (let socket = spares.pop(); socket; socket = spares.pop()) {
        socket.removeListener('error', spareError);
        // Asynchronously, as a real connect answers: undici's client is mid-dispatch when it asks.
        if (!socket.destroyed && socket.readyState === 'open') return process.nextTick(callback, null, socket);
        socket.destroy();
      }
      connector(connectOptions, callback);
    },
  });
  const basePath = options.target.pathname.replace(/\/+$/, '');
  // undici's headers and body timeouts are idle timeouts: a body dribbled a
  // byte at a time never trips them. The sweeper's deadline covers the whole exchange.
  const deadlines = deadlineSweeper<InFlight>(options.timeoutMs, (request) => request.end('timeout'));
  /** In-flight requests by the run signal they were sent under: one abort listener per signal, not per request. */
  const bySignal = new Map<AbortSignal, Set<InFlight>>();

  const watch = (signal: AbortSignal, request: InFlight): void => {
    let requests = bySignal.get(signal);
    if (!requests) {
      const watched = new Set<InFlight>();
      requests = watched;
      bySignal.set(signal, watched);
      signal.addEventListener(
        'abort',
        () => {
          bySignal.delete(signal);
          for (const r of watched) r.end('interrupted');
        },
        { once: true },
      );
    }
    requests.add(request);
  };

  return {
    async open(count, signal) {
      const { protocol, host, port } = options.target;
      const hostname = options.target.hostname.replace(/^\[(.*)\]$/, '$1');
      const n = Math.min(count, options.connections);
      const connected = Promise.all(
        Array.from(
          { length: n },
          () =>
            new Promise<void>((resolve) => {
              // A socket that cannot be opened ahead is opened (and its error reported) when a request needs it.
              connector({ protocol, host, hostname, port }, (error, socket) => {
                if (!error && socket) {
                  if (closed) socket.destroy();
                  else spares.push(socket.on('error', spareError));
                }
                resolve();
              });
            }),
        ),
      );
      // A target slow to accept does not hold the start back: late sockets still join the spares.
      const connectedOrStopped = new AbortController();
      const waited = realClock.sleepUntil(realClock.now() + openWaitMs, signal ? AbortSignal.any([signal, connectedOrStopped.signal]) : connectedOrStopped.signal);
      await Promise.race([connected, waited]);
      connectedOrStopped.abort();
      clearTimeout(sparesExpire);
      sparesExpire = setTimeout(dropSpares, spareLifetimeMs).unref();
    },
    send(request, signal): Promise<TransportOutcome> {
      if (signal.aborted) return Promise.resolve({ error: 'interrupted' });
      return new Promise<TransportOutcome>((resolve) => {
        let controller: Controller | undefined;
        let status = 0;
        let headers: Record<string, string> = {};
        const chunks: Buffer[] = [];
        let length = 0;
        let settled = false;
        const settle = (outcome: TransportOutcome): void => {
          if (settled) return;
          settled = true;
          deadlines.remove(inFlight);
          bySignal.get(signal)?.delete(inFlight);
          resolve(outcome);
        };
        const inFlight: InFlight = {
          end(ending) {
            if (settled || inFlight.ending) return;
            inFlight.ending = ending;
            settle({ error: ending });
            controller?.abort(new Error(`request ended by the load engine: ${ending}`));
          },
          onRequestStart(c) {
            controller = c;
            if (inFlight.ending) c.abort(new Error(`request ended by the load engine: ${inFlight.ending}`));
          },
          onResponseStart(_c, statusCode, responseHeaders) {
            status = statusCode;
            headers = flatHeaders(responseHeaders);
          },
          onResponseData(c, chunk) {
            if (!options.readBodies || settled) return;
            if (length + chunk.length > maxBodyBytes) {
              // A body past the cap is cut and the connection dropped: a 50 MB answer costs neither memory nor time.
              chunks.push(chunk.subarray(0, maxBodyBytes - length));
              settle({ status, headers, body: Buffer.concat(chunks).toString('utf8') });
              c.abort(new Error('response body cut at the recording limit'));
              return;
            }
            chunks.push(chunk);
            length += chunk.length;
          },
          onResponseEnd() {
            settle({ status, headers, body: options.readBodies ? Buffer.concat(chunks).toString('utf8') : '' });
          },
          onResponseError(_c, error) {
            if (settled) return;
            const code = transportErrorCode(error);
            // As in the harness's client: a connection lost after the headers is a broken response, not an unreachable target.
            settle({ error: status !== 0 && (code === 'connection-reset' || code === 'other') ? 'invalid-response' : code });
          },
        };
        deadlines.add(inFlight);
        watch(signal, inFlight);
        pool.dispatch({ origin: options.target.origin, method: request.method as Dispatcher.HttpMethod, path: basePath + request.path, headers: request.headers, body: request.body }, inFlight);
      });
    },
    async close() {
      closed = true;
      deadlines.stop();
      clearTimeout(sparesExpire);
      dropSpares();
      await pool.close().catch(() => pool.destroy());
    },
  };
}
