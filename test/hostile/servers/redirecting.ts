/**
 * Redirects every request (301, 302, 307 in turn) to a second loopback
 * server; `followed()` counts requests that reached it (the harness must not
 * follow a redirect: the signature covers the path it signed).
 */
import { httpServer } from './hostile-server.js';

export async function startRedirecting() {
  const elsewhere = await httpServer((req, res) => {
    req.resume();
    res.writeHead(201, { 'content-type': 'application/json' }).end('{"userId":"5b0d3c38-2d52-4a8c-9d4e-0d8a1f7c2b11","externalId":"x","status":"pendingCompliance"}');
  });
  let n = 0;
  const server = await httpServer((req, res) => {
    req.resume();
    const status = [301, 302, 307][n++ % 3]!;
    res.writeHead(status, { location: `${elsewhere.url}/v1/users`, 'content-length': '0' }).end();
  });
  return {
    ...server,
    followed: elsewhere.hits,
    close: async () => {
      await server.close();
      await elsewhere.close();
    },
  };
}
