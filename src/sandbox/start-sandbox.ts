/** The sandbox on a real port: node:http, loopback by default, with timeouts against slow clients. */
import { createServer, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { answerClientError } from './client-error.js';
import { createSandbox, type Sandbox } from './create-sandbox.js';
import type { SandboxOptions, ServerTimeouts } from './sandbox-options.js';

export interface StartSandboxOptions extends SandboxOptions, ServerTimeouts {
  /** TCP port; 0 (default) picks a free one. */
  readonly port?: number;
  /** Interface to listen on. Default `127.0.0.1`. */
  readonly host?: string;
}

export interface StartedSandbox extends Pick<Sandbox, 'store' | 'profile' | 'partners' | 'faults' | 'rateLimit'> {
  /** Base URL, e.g. `http://127.0.0.1:8787` (no trailing slash). */
  readonly url: string;
  readonly port: number;
  readonly host: string;
  /** Stops listening, drops open connections and closes the store. Idempotent. */
  close(): Promise<void>;
}

/** Starts the sandbox and resolves once it listens. */
export async function startSandbox(options: StartSandboxOptions = {}): Promise<StartedSandbox> {
  const sandbox = createSandbox(options);
  const requestTimeout = options.requestTimeoutMs ?? 10_000;
  const headersTimeout = Math.min(options.headersTimeoutMs ?? 5_000, requestTimeout);
  const responses = new WeakMap<Socket, ServerResponse>();
  const server = createServer(
    {
      requestTimeout,
      headersTimeout,
      keepAliveTimeout: options.keepAliveTimeoutMs ?? 5_000,
      // Node checks the two timeouts above only this often (default 30 s).
      connectionsCheckingInterval: Math.max(50, Math.min(1_000, Math.floor(headersTimeout / 4))),
    },
    (req, res) => {
      responses.set(req.socket, res);
      sandbox.handler(req, res);
    },
  );
  server.on('clientError', (error: Error & { code?: string }, socket: Socket) => {
    const res = responses.get(socket);
    answerClientError(error, socket, res !== undefined && !res.writableFinished && res.headersSent);
  });
  const host = options.host ?? '127.0.0.1';
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      // A deeper accept queue than Node's 511 (the kernel caps it at somaxconn): under a
      // connection flood a well-behaved client's SYN is otherwise dropped and retried 1 s later.
      server.listen({ port: options.port ?? 0, host, backlog: 4096 }, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    sandbox.close();
    throw error;
  }
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : (options.port ?? 0);
  const urlHost = host.includes(':') ? `[${host}]` : host;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${urlHost}:${port}`,
    port,
    host,
    store: sandbox.store,
    profile: sandbox.profile,
    partners: sandbox.partners,
    faults: sandbox.faults,
    rateLimit: sandbox.rateLimit,
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }).finally(() => sandbox.close());
      return closing;
    },
  };
}
