/** Answers the status line and headers (Content-Length: 200), then never sends the body. */
import { onRequestHead, rawServer } from './hostile-server.js';

export const startHeadersThenStall = () =>
  rawServer((socket) =>
    onRequestHead(socket, () => socket.write('HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n')),
  );
