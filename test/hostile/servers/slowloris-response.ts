/**
 * Slowloris-paced responses, one byte every 200 ms: `startSlowlorisResponse`
 * paces everything from the status line on; `startSlowlorisBody` sends the
 * status line and headers at once and paces the body (an idle timeout between
 * chunks never fires: only a deadline on the whole exchange ends it).
 */
import type { Socket } from 'node:net';
import { onRequestHead, rawServer } from './hostile-server.js';

const body = '{"userId":"5b0d3c38-2d52-4a8c-9d4e-0d8a1f7c2b11","externalId":"x","status":"pendingCompliance"}';
const head = `HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`;

function drip(socket: Socket, text: string): void {
  let i = 0;
  const timer = setInterval(() => {
    if (socket.destroyed || i >= text.length) return void clearInterval(timer);
    socket.write(text[i++]!);
  }, 200);
  socket.on('close', () => clearInterval(timer));
}

export const startSlowlorisResponse = () => rawServer((socket) => onRequestHead(socket, () => drip(socket, head + body)));

export const startSlowlorisBody = () =>
  rawServer((socket) =>
    onRequestHead(socket, () => {
      socket.write(head);
      drip(socket, body);
    }),
  );
