// A minimal loopback server for bench/load-engine: reads the body, answers 201 with a small JSON.
// `stall` blocks its event loop for 200 ms once a second (a GC-pause stand-in).
import { createServer } from 'node:http';

const mode = process.argv[2] ?? 'fast';
const server = createServer((req, res) => {
  req.on('data', () => {});
  req.on('end', () => {
    res.writeHead(201, { 'content-type': 'application/json', 'content-length': '11' });
    res.end('{"ok":true}');
  });
});
server.keepAliveTimeout = 30_000;
server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }));
if (mode === 'stall') {
  setInterval(() => {
    const until = Date.now() + 200;
    while (Date.now() < until);
  }, 1000);
}
process.on('disconnect', () => process.exit(0));
