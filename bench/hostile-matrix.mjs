// Hostile-target matrix and the sandbox under hostile clients (issue 5):
// runs test/hostile/hostile-targets.test.ts and
// test/hostile/sandbox-hostile-clients.test.ts with BOCA_HOSTILE_MATRIX=1 and
// prints the table (server → tool → exit code, what it said, seconds until
// reported) and the healthy client's latency under attack. Figures go to
// bench/RESULTS.md by hand.
//
//   node bench/hostile-matrix.mjs
import { spawnSync } from 'node:child_process';

const run = spawnSync('npx', ['vitest', 'run', 'test/hostile/hostile-targets.test.ts', 'test/hostile/sandbox-hostile-clients.test.ts', '--reporter=dot'], {
  env: { ...process.env, BOCA_HOSTILE_MATRIX: '1', NO_COLOR: '1', FORCE_COLOR: '0' },
  encoding: 'utf8',
  maxBuffer: 64 * 1024 * 1024,
});
const lines = `${run.stdout}\n${run.stderr}`.split('\n').filter((line) => line.startsWith('|') || line.includes('healthy signed create'));
process.stdout.write(`${lines.join('\n')}\n`);
if (run.status !== 0) {
  process.stderr.write(run.stdout.slice(-4000));
  process.exit(run.status ?? 1);
}
