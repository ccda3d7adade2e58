/**
 * A sandbox in a child process, for tests whose k6/http stub blocks the event
 * loop (synchronous HTTP, as in k6): an in-process sandbox could not answer.
 * The sandbox source is bundled by esbuild (Node 20 runs no TypeScript),
 * inside node_modules so better-sqlite3 resolves as it does for the sources.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { build } from 'esbuild';

export interface SandboxProcess {
  readonly url: string;
  close(): Promise<void>;
}

const entry = `
import { startSandbox } from ${JSON.stringify(join(process.cwd(), 'src/sandbox/start-sandbox.ts'))};
const sandbox = await startSandbox({ port: 0, rateLimit: JSON.parse(process.argv[2]) });
process.stdout.write(JSON.stringify({ url: sandbox.url }) + '\\n');
`;

/** Starts a sandbox with `rateLimit` (contract §6 settings, or false) on 127.0.0.1, port 0. */
export async function startSandboxProcess(rateLimit: { requestsPerSecond: number; burst: number } | false): Promise<SandboxProcess> {
  const outdir = join(process.cwd(), 'node_modules', '.cache', 'boca-harness-test');
  mkdirSync(outdir, { recursive: true });
  const script = join(outdir, `k6-sandbox-${process.pid}-${Math.random().toString(16).slice(2)}.mjs`);
  await build({ stdin: { contents: entry, resolveDir: process.cwd(), loader: 'ts' }, outfile: script, bundle: true, platform: 'node', format: 'esm', packages: 'external', logLevel: 'warning' });
  const child: ChildProcess = spawn(process.execPath, [script, JSON.stringify(rateLimit)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const firstLine = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`sandbox process exited with ${code}`)));
  });
  rmSync(script, { force: true });
  return {
    url: (JSON.parse(firstLine) as { url: string }).url,
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
