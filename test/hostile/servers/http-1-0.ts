/** Speaks HTTP/1.0: `HTTP/1.0 200 OK`, Connection: close, no Content-Length, the body ends with the connection. */
import { onRequestHead, rawServer } from './hostile-server.js';

export const startHttp10 = () =>
  rawServer((socket) =>
    onRequestHead(socket, () => socket.end('HTTP/1.0 200 OK\r\nConnection: close\r\nContent-Type: application/json\r\n\r\n{"status":"ok"}')),
  );
