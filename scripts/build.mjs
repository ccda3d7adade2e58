// Bundles the CLI (src/cli/main.ts) into dist/cli.js and the load engine's
// worker thread into dist/load-worker.js. npm dependencies stay
// external; only our own TypeScript is bundled, so `npm ci` yields a ready CLI.
import { build } from 'esbuild';

await build({
  entryPoints: { cli: 'src/cli/main.ts', 'load-worker': 'src/load/engine/load-worker.ts' },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
