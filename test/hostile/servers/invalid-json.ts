/** Answers every status the contract knows with `application/json` bodies that are not JSON. */
import { httpServer } from './hostile-server.js';

const bodies = ['{"userId": "abc",', 'not json at all', '{"error":"unauthorized"}}', '\u0000\u0001'];

export const startInvalidJson = () => {
  let n = 0;
  return httpServer((req, res) => {
    req.resume();
    const status = [201, 400, 401][n % 3]!;
    res.writeHead(status, { 'content-type': 'application/json' }).end(bodies[n++ % bodies.length]);
  });
};
