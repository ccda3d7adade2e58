// Sandbox throughput on the 201 path (issue 2): every request carries a unique,
// correctly signed body, so the sandbox verifies the signature, validates the
// body and creates a user. 50 connections on loopback, in memory and with
// SQLite; the sandbox runs as `boca-harness serve --no-rate-limit` in a child
// process pinned to one core (taskset, when present), autocannon on the other.
// Prints requests/s and p99 latency; figures go to bench/RESULTS.md by hand.
//
//   node bench/sandbox-throughput.mjs [--duration S] [--connections N] [--only memory|sqlite]
import { spawn, spawnSync } from 'node:child_process';
import { createHash, createHmac } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';

const { values } = parseArgs({
  options: { duration: { type: 'string', default: '10' }, connections: { type: 'string', default: '50' }, only: { type: 'string' } },
});
const duration = Number(values.duration);
const connections = Number(values.connections);

// The well-known sandbox partner (src/sandbox/sandbox-partner.ts).
const apiKey = 'pk_sandbox_partner1';
const secret = 'sk_sandbox_partner1_do_not_use_in_production';

const build = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const pinned = (core, command, args) => {
  const hasTaskset = spawnSync('taskset', ['-c', '0', 'true']).status === 0;
  return hasTaskset && availableParallelism() > 1 ? ['taskset', ['-c', String(core), command, ...args]] : [command, args];
};

async function startServe(extraArgs) {
  const [command, args] = pinned(0, process.execPath, ['bin/boca-harness.js', 'serve', '--port', '0', '--no-rate-limit', ...extraArgs]);
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout });
  const url = await new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}`)));
    lines.on('line', (line) => {
      const match = /listening on (http:\/\/\S+)/.exec(line);
      if (match) resolve(match[1]);
    });
  });
  return { url, pid: child.pid, stop: () => new Promise((resolve) => (child.once('exit', resolve), child.kill('SIGINT'))) };
}

let sequence = 0;
/** A unique, correctly signed create-user request (contract §1 default template). */
// The README's Unicode example (Zoë Nguyễn), a unique externalId per request.
const exampleUser = JSON.parse(readFileSync(new URL('../examples/create-user-2.json', import.meta.url), 'utf8'));

function signedRequest() {
  const body = JSON.stringify({ ...exampleUser, externalId: `bench-${process.pid}-${++sequence}` });
  const timestamp = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  const bodySha256 = createHash('sha256').update(body).digest('hex');
  const canonical = `POST\n/v1/users\n${timestamp}\n${bodySha256}`;
  const signature = createHmac('sha256', secret).update(canonical).digest('hex');
  return {
    method: 'POST',
    path: '/v1/users',
    body,
    headers: {
      'content-type': 'application/json',
      'x-api-key': apiKey,
      'x-request-timestamp': timestamp,
      'x-request-signature': signature,
    },
  };
}

// CPU seconds (user + system) the server process has used, from /proc (Linux); undefined elsewhere.
const clockTicks = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout) || 100;
function cpuSeconds(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / clockTicks;
  } catch {
    return undefined;
  }
}

// Signing inside setupRequest would make autocannon, on its single core, the
// bottleneck; so requests are signed before each run (timestamps stay inside
// the ±300 s window for runs shorter than that) and handed out in order.
function presigned(count) {
  const pool = Array.from({ length: count }, signedRequest);
  let next = 0;
  return (request) => ({ ...request, ...(next < pool.length ? pool[next++] : signedRequest()) });
}

async function measure(label, extraArgs) {
  const serve = await startServe(extraArgs);
  try {
    const run = (seconds) =>
      autocannon({ url: serve.url, connections, duration: seconds, requests: [{ setupRequest: presigned(seconds * 20_000) }] });
    await run(2); // warm-up: JIT, SQLite page cache
    const cpuBefore = cpuSeconds(serve.pid);
    const result = await run(duration);
    const cpuUsed = cpuSeconds(serve.pid) - cpuBefore;
    const created = result['2xx'];
    const other = result.non2xx + result.errors + result.timeouts;
    // When the load generator cannot saturate the server's core, req/s per CPU-second of the
    // server is the better estimate of what one fully used core sustains.
    const cpuShare = cpuUsed / (result.duration);
    const perCpuSecond = Number.isFinite(cpuShare) && cpuShare > 0 ? Math.round(created / cpuUsed) : 'n/a';
    console.log(
      `| ${label.padEnd(6)} | ${connections} | ${Math.round(result.requests.average).toString().padStart(6)} | ${result.latency.p50} ms | ${result.latency.p99} ms | ${created} | ${other} | ${Number.isFinite(cpuShare) ? `${Math.round(cpuShare * 100)} %` : 'n/a'} | ${perCpuSecond} |`,
    );
    return result;
  } finally {
    await serve.stop();
  }
}

const dir = mkdtempSync(join(tmpdir(), 'boca-bench-'));
try {
  console.log(`node ${process.version}, ${availableParallelism()} cores, ${duration} s per run, sandbox pinned to core 0 when taskset is available`);
  console.log('| store  | conns | req/s  | p50 | p99 | 201s | other | server CPU | 201s per server CPU-second |');
  console.log('|--------|-------|--------|-----|-----|------|-------|------------|----------------------------|');
  if (values.only !== 'sqlite') await measure('memory', []);
  if (values.only !== 'memory') await measure('sqlite', ['--db', join(dir, 'bench.db')]);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
