/** A proxy in front of a dead backend: text/html 502 and 503 pages. */
import { httpServer } from './hostile-server.js';

export const startHtmlErrorPage = () => {
  let n = 0;
  return httpServer((req, res) => {
    req.resume();
    const status = n++ % 2 === 0 ? 502 : 503;
    res.writeHead(status, { 'content-type': 'text/html' }).end(`<html><head><title>${status}</title></head><body><h1>${status} Bad Gateway</h1><hr>nginx</body></html>`);
  });
};
