/** Starting a misbehaving server on 127.0.0.1:0 and tearing it down without leaving sockets behind. */
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createNetServer, type Server, type Socket } from 'node:net';

/** A running hostile server. */
export interface HostileServer {
  /** Base URL, e.g. `http://127.0.0.1:40123`. */
  readonly url: string;
  /** Requests (or connections, for raw TCP servers) seen so far. */
  readonly hits: () => number;
  /** Stops listening and destroys every open socket; idempotent. */
  close(): Promise<void>;
}

async function listen(server: Server, counter: () => number): Promise<HostileServer> {
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('error', () => {});
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  let closing: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${port}`,
    hits: counter,
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      });
      return closing;
    },
  };
}

/** A raw TCP server: `onConnection` speaks (or does not speak) HTTP by hand. */
export function rawServer(onConnection: (socket: Socket) => void): Promise<HostileServer> {
  let connections = 0;
  const server = createNetServer((socket) => {
    connections++;
    onConnection(socket);
  });
  return listen(server, () => connections);
}

/** A node:http server with short server-side timeouts off (the hostility is the point). */
export function httpServer(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<HostileServer> {
  let requests = 0;
  const server = createHttpServer((req, res) => {
    requests++;
    res.on('error', () => {});
    handler(req, res);
  });
  return listen(server, () => requests);
}

/** Calls `onRequest` once per request head read from a raw socket (pipelined heads included). */
export function onRequestHead(socket: Socket, onRequest: () => void): void {
  let buffered = '';
  socket.on('data', (data) => {
    buffered += data.toString('latin1');
    // Bodies the harness sends are small JSON without a blank line: counting heads is enough.
    let end = buffered.indexOf('\r\n\r\n');
    while (end !== -1) {
      const head = buffered.slice(0, end);
      const length = Number(/\r\ncontent-length:\s*(\d+)/i.exec(head)?.[1] ?? 0);
      if (buffered.length < end + 4 + length) return;
      buffered = buffered.slice(end + 4 + length);
      onRequest();
      end = buffered.indexOf('\r\n\r\n');
    }
  });
}
