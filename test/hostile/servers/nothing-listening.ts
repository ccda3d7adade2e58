/** A loopback port with nothing listening on it (bound, then released). */
import { createServer } from 'node:net';
import type { HostileServer } from './hostile-server.js';

export async function startNothingListening(): Promise<HostileServer> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return { url: `http://127.0.0.1:${port}`, hits: () => 0, close: async () => {} };
}
