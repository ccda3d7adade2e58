/** Answers 201 application/json with a 50 MB body, streamed with backpressure; stops when the client goes. */
import { httpServer } from './hostile-server.js';

const totalBytes = 50 * 1024 * 1024;
const chunk = Buffer.alloc(64 * 1024, 0x20);

/** `sentBytes()` tells how much the server managed to send: a client that cuts early keeps it far below 50 MB per request. */
export async function startHugeBody() {
  let sentBytes = 0;
  const server = await httpServer((req, res) => {
    req.resume();
    res.writeHead(201, { 'content-type': 'application/json', 'content-length': String(totalBytes) });
    let left = totalBytes;
    const pump = () => {
      while (left > 0 && !res.destroyed) {
        const piece = left >= chunk.length ? chunk : chunk.subarray(0, left);
        left -= piece.length;
        sentBytes += piece.length;
        if (!res.write(piece)) return void res.once('drain', pump);
      }
      if (left === 0) res.end();
    };
    res.on('close', () => (left = 0));
    pump();
  });
  return { ...server, sentBytes: () => sentBytes };
}
