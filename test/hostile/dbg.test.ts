import { it } from 'vitest';
import { Pool } from 'undici';
import { readLimitedBody } from '../../src/http/read-limited-body.js';
import { startHugeBody } from './servers/huge-body.js';

it('dbg', async () => {
  const s = await startHugeBody();
  const pool = new Pool(s.url);
  const t = Date.now();
  const tick = setInterval(() => console.log('tick', Date.now() - t, s.sentBytes()), 500);
  const r = await pool.request({ method: 'POST', path: '/v1/users', body: '{}', headersTimeout: 1000, bodyTimeout: 1000 });
  console.log('headers', Date.now() - t);
  const b = await readLimitedBody(r.body, 1024 * 1024);
  console.log('body', b.bytes.length, b.truncated, Date.now() - t, s.sentBytes());
  await new Promise((r) => setTimeout(r, 1000));
  clearInterval(tick);
  await pool.close();
  await s.close();
}, 20000);
