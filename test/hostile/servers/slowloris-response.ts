/** Sends a complete, plausible 201 response, one byte every 200 ms (status line included). */
import { onRequestHead, rawServer } from './hostile-server.js';

const body = '{"userId":"5b0d3c38-2d52-4a8c-9d4e-0d8a1f7c2b11","externalId":"x","status":"pendingCompliance"}';
const response = `HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}`;

export const startSlowlorisResponse = () =>
  rawServer((socket) =>
    onRequestHead(socket, () => {
      let i = 0;
      const timer = setInterval(() => {
        if (socket.destroyed || i >= response.length) return void clearInterval(timer);
        socket.write(response[i++]!);
      }, 200);
      socket.on('close', () => clearInterval(timer));
    }),
  );
