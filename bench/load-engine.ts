/**
 * The "Measure" list for the Node engine (figures go to bench/RESULTS.md):
 * 1. closed-model max throughput with unique signed bodies vs autocannon (same
 *    connections, same minimal loopback server, setupRequest for unique bodies);
 * 2. rate accuracy at 1k and 5k req/s (achieved/target, dropped);
 * 3. coordinated omission: a server stalling 200 ms once a second at 1k req/s;
 * 4. accepted rate vs the sandbox's configured limit at 2× offered load.
 * Run with `node bench/load-engine.mjs` (bundles this file first).
 */
import { fork, type ChildProcess } from 'node:child_process';
import autocannon from 'autocannon';
import { defaultProfile } from '../src/contract/profile.js';
import { runLoad, type RunLoadOptions } from '../src/load/engine/run-load.js';
import { defaultUserPool } from '../src/load/engine/default-user-pool.js';
import { rateLimit } from '../src/load/scenarios/rate-limit.js';
import { createBody } from '../src/load/scenarios/create-body.js';
import { signedCreate } from '../src/load/scenarios/signed-create.js';
import { startSandbox } from '../src/sandbox/index.js';
import { nodeCrypto } from '../src/signing/node-crypto.js';
import { closedCreates, openCreates } from './load-engine-definitions.js';

const definitionModule = process.env.BENCH_DEFINITIONS!;
const serverScript = process.env.BENCH_SERVER!;
const partner = { apiKey: 'pk_bench', secret: 'sk_bench_secret_value' };
const pool = defaultUserPool(defaultProfile, 2000);
const seconds = Number(process.env.BENCH_SECONDS ?? 8);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 32);

async function server(mode: 'fast' | 'stall'): Promise<{ url: string; child: ChildProcess }> {
  const child = fork(serverScript, [mode], { stdio: 'inherit' });
  const { port } = await new Promise<{ port: number }>((resolve) => child.once('message', (m) => resolve(m as { port: number })));
  return { url: `http://127.0.0.1:${port}`, child };
}

const base = (url: string): Omit<RunLoadOptions, 'definition' | 'params'> => ({ target: new URL(url), profile: defaultProfile, partner, pool, definitionModule, keepObservations: false, runId: 'bench' });
const params = (rate: number, durationSeconds: number, vus: number) => ({ rate, durationSeconds, vus, declaredLimit: { requestsPerSecond: 1e6, burst: 1e6 } });

function autocannonRun(url: string, extra: Partial<autocannon.Options> = {}): Promise<autocannon.Result> {
  let i = 0;
  const env = { runId: 'ac', profile: defaultProfile, partner, crypto: nodeCrypto, nowMs: () => Date.now(), pool };
  return autocannon({
    url,
    connections,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        path: '/v1/users',
        setupRequest: (req) => {
          const n = i++;
          const planned = signedCreate(env, createBody(env, n, `ac-${n}`));
          return { ...req, method: 'POST', path: planned.path, headers: planned.headers, body: planned.body };
        },
      },
    ],
    ...extra,
  });
}

async function throughput(): Promise<void> {
  const { url, child } = await server('fast');
  try {
    await runLoad({ ...base(url), definition: closedCreates, params: params(1, 2, connections), workers: 1 }); // warm-up
    const ac = await autocannonRun(url);
    const one = await runLoad({ ...base(url), definition: closedCreates, params: params(1, seconds, connections), workers: 1 });
    const two = await runLoad({ ...base(url), definition: closedCreates, params: params(1, seconds, connections), workers: 2 });
    const acRps = ac.requests.total / seconds;
    console.log(`1. closed-model max throughput, ${connections} connections, ${seconds} s, unique signed bodies`);
    console.log(`   autocannon ${acRps.toFixed(0)} req/s (${ac.non2xx} non-2xx, ${ac.errors} errors)`);
    console.log(`   node engine, 1 worker  ${one.totals.achievedRps.toFixed(0)} req/s → ratio ${(one.totals.achievedRps / acRps).toFixed(2)}×`);
    console.log(`   node engine, 2 workers ${two.totals.achievedRps.toFixed(0)} req/s → ratio ${(two.totals.achievedRps / acRps).toFixed(2)}×`);
  } finally {
    child.kill();
  }
}

async function accuracy(): Promise<void> {
  const { url, child } = await server('fast');
  try {
    console.log(`2. rate accuracy (open model, ${seconds} s, 2 workers)`);
    for (const rate of (process.env.BENCH_RATES ?? '1000,5000').split(',').map(Number)) {
      const s = await runLoad({ ...base(url), definition: openCreates, params: params(rate, seconds, Math.ceil(rate / 10) + 20), workers: 2 });
      const achieved = s.totals.sent / seconds;
      console.log(`   ${rate}/s: achieved ${achieved.toFixed(1)}/s = ${((achieved / rate) * 100).toFixed(2)} % of target, offered ${s.totals.offered}, dropped ${s.totals.dropped}, dispatch lag p99 ${s.generator!.dispatchLagP99Ms.toFixed(2)} ms, event-loop p99 ${s.generator!.eventLoopLagP99Ms.toFixed(1)} ms, valid ${s.valid}`);
    }
  } finally {
    child.kill();
  }
}

async function coordinatedOmission(): Promise<void> {
  const { url, child } = await server('stall');
  try {
    const s = await runLoad({ ...base(url), definition: openCreates, params: params(1000, seconds, 400), workers: 2 });
    const ac = await autocannonRun(url, { connections: 10, overallRate: 1000 });
    const acRaw = await autocannonRun(url, { connections: 10, overallRate: 1000, ignoreCoordinatedOmission: true });
    console.log('3. coordinated omission: server stalls 200 ms once a second, 1000 req/s offered');
    console.log(`   node engine: from scheduled p50 ${s.latency.fromScheduled.p50} p90 ${s.latency.fromScheduled.p90} p99 ${s.latency.fromScheduled.p99} ms; from send p99 ${s.latency.fromSend.p99} ms; sent ${s.totals.sent}, dropped ${s.totals.dropped}`);
    console.log(`   autocannon -c10 -R1000: p50 ${ac.latency.p50} p90 ${ac.latency.p90} p99 ${ac.latency.p99} max ${ac.latency.max} ms, ${(ac.requests.total / seconds).toFixed(0)} req/s`);
    console.log(`   autocannon -c10 -R1000 -C: p50 ${acRaw.latency.p50} p90 ${acRaw.latency.p90} p99 ${acRaw.latency.p99} max ${acRaw.latency.max} ms`);
  } finally {
    child.kill();
  }
}

async function sandboxLimit(): Promise<void> {
  const limit = { requestsPerSecond: 200, burst: 20 };
  const sandbox = await startSandbox({ partners: [partner], rateLimit: limit });
  try {
    const { definitionModule: _unused, ...builtIn } = base(sandbox.url);
    const s = await runLoad({ ...builtIn, definition: rateLimit, params: { rate: 400, durationSeconds: seconds, vus: 100, declaredLimit: limit }, workers: 2, keepObservations: true });
    console.log(`4. sandbox limit ${limit.requestsPerSecond}/s burst ${limit.burst}, offered 2× (400/s)`);
    console.log(`   accepted ${s.rateLimit.acceptedRateAboveLimit?.toFixed(1)}/s above the limit = ${((s.rateLimit.acceptedToDeclaredRatio ?? 0) * 100).toFixed(1)} % of the limit; 429 share above ${((s.rateLimit.share429AboveLimit ?? 0) * 100).toFixed(1)} %`);
  } finally {
    await sandbox.close();
  }
}

const which = process.argv.slice(2);
for (const [name, fn] of Object.entries({ throughput, accuracy, co: coordinatedOmission, limit: sandboxLimit })) {
  if (which.length === 0 || which.includes(name)) await fn();
}
