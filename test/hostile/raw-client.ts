/** Hostile clients for the sandbox: raw TCP connections that send what they like, when they like. */
import { connect, type Socket } from 'node:net';

/** Opens `count` TCP connections that never send a byte, `batch` at a time (the listen backlog is finite). */
export async function openIdleConnections(port: number, count: number, batch = 200): Promise<Socket[]> {
  const sockets: Socket[] = [];
  for (let opened = 0; opened < count; opened += batch) {
    const wave = Array.from({ length: Math.min(batch, count - opened) }, () =>
      new Promise<Socket>((resolve, reject) => {
        const socket = connect(port, '127.0.0.1', () => resolve(socket));
        socket.on('error', reject);
      }),
    );
    sockets.push(...(await Promise.all(wave)));
  }
  for (const socket of sockets) {
    socket.removeAllListeners('error');
    socket.on('error', () => {});
    // Reading sends nothing; without it a paused socket never notices the server closing it.
    socket.resume();
  }
  return sockets;
}

/** Resolves once `socket` is closed (by either side). */
export const closed = (socket: Socket): Promise<void> => (socket.closed ? Promise.resolve() : new Promise((resolve) => socket.once('close', () => resolve())));

/** Writes `bytes` and resolves with everything the server sent back once it closed the connection. */
export function rawExchange(port: number, bytes: string | Buffer): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(bytes));
    let received = '';
    socket.on('data', (data) => (received += data.toString('latin1')));
    socket.on('error', () => {});
    socket.on('close', () => resolve(received));
  });
}

/** Sends `text` one byte every `intervalMs` until the server closes the connection; resolves with its answer. */
export function dribble(port: number, text: string, intervalMs: number): Promise<string> {
  return new Promise((resolve) => {
    let received = '';
    let i = 0;
    const socket = connect(port, '127.0.0.1');
    const timer = setInterval(() => {
      if (socket.writable && i < text.length) socket.write(text[i++]!);
    }, intervalMs);
    socket.on('data', (data) => (received += data.toString('latin1')));
    socket.on('error', () => {});
    socket.on('close', () => {
      clearInterval(timer);
      resolve(received);
    });
  });
}

/** The status code of a raw HTTP/1.1 answer, or NaN. */
export const statusOf = (raw: string): number => Number(/^HTTP\/1\.[01] (\d{3})/.exec(raw)?.[1]);
