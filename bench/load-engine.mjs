// Runs bench/load-engine.ts: bundles it, the load worker and the bench's definitions with esbuild
// into node_modules/.cache/boca-harness/bench/, then runs it.
// Usage: node bench/load-engine.mjs [throughput] [accuracy] [co] [limit]   (BENCH_SECONDS, BENCH_CONNECTIONS, BENCH_RATES=1000,5000)
import { spawnSync } from 'node:child_process';
import { build } from 'esbuild';

const out = new URL('../node_modules/.cache/boca-harness/bench/', import.meta.url);
await build({
  entryPoints: { 'load-engine': 'bench/load-engine.ts', 'load-worker': 'src/load/engine/load-worker.ts', definitions: 'bench/load-engine-definitions.ts' },
  outdir: out.pathname,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  packages: 'external',
  logLevel: 'warning',
});
const env = { ...process.env, BENCH_DEFINITIONS: new URL('definitions.js', out).href, BENCH_SERVER: new URL('../bench/load-engine-server.mjs', import.meta.url).pathname };
const result = spawnSync(process.execPath, [new URL('load-engine.js', out).pathname, ...process.argv.slice(2)], { stdio: 'inherit', env });
process.exitCode = result.status ?? 1;
