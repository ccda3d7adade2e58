/**
 * Worker threads need JavaScript. The built CLI ships dist/load-worker.js
 * next to dist/cli.js; when the engine runs from TypeScript sources (tests,
 * a dev checkout without a build) it bundles the worker entry (or a test's
 * definition module) with esbuild, a devDependency, into
 * node_modules/.cache/boca-harness/, where npm packages still resolve.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const built = new Map<string, Promise<string>>();
let counter = 0;

function cacheDirFor(path: string): string {
  let dir = dirname(path);
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  const cache = join(dir, 'node_modules', '.cache', 'boca-harness');
  mkdirSync(cache, { recursive: true });
  return cache;
}

/** A file URL of an ES module runnable by plain Node for `path` (returned as is when it is already JavaScript). */
export function bundleForWorker(path: string): Promise<string> {
  const file = path.startsWith('file:') ? fileURLToPath(path) : path;
  if (!/\.[cm]?ts$/.test(file)) return Promise.resolve(pathToFileURL(file).href);
  let pending = built.get(file);
  if (!pending) {
    pending = (async () => {
      const { build } = await import('esbuild');
      const outfile = join(cacheDirFor(file), `${basename(file).replace(/\.[cm]?ts$/, '')}-${process.pid}-${counter++}.mjs`);
      await build({ entryPoints: [file], outfile, bundle: true, platform: 'node', target: 'node20', format: 'esm', packages: 'external', logLevel: 'error' });
      return pathToFileURL(outfile).href;
    })();
    built.set(file, pending);
  }
  return pending;
}

/** The worker script: dist/load-worker.js beside the bundled CLI, else the TypeScript entry bundled on demand. */
export async function resolveWorkerScript(): Promise<URL> {
  const bundled = new URL('./load-worker.js', import.meta.url);
  if (existsSync(fileURLToPath(bundled))) return bundled;
  const source = new URL('./load-worker.ts', import.meta.url);
  if (existsSync(fileURLToPath(source))) return new URL(await bundleForWorker(fileURLToPath(source)));
  throw new Error(`The load worker is missing: expected ${fileURLToPath(bundled)} (run npm run build).`);
}
