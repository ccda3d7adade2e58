/**
 * A sandbox in a child process for the persistence test: started on port 0
 * with the SQLite file given as argv[2]; prints `{"url": ...}` once listening.
 * Bundled by the test with esbuild (Node 20 does not run TypeScript).
 */
import { startSandbox } from '../../src/sandbox/start-sandbox.js';

const sandbox = await startSandbox({ port: 0, dbPath: process.argv[2], rateLimit: false });
process.stdout.write(`${JSON.stringify({ url: sandbox.url })}\n`);
