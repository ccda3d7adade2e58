/** Announces Content-Length: 1000, sends 20 bytes of it and closes the connection. */
import { onRequestHead, rawServer } from './hostile-server.js';

export const startCloseMidBody = () =>
  rawServer((socket) =>
    onRequestHead(socket, () => socket.end('HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"userId":"00000000-')),
  );
