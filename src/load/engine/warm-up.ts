/**
 * A fresh thread runs its first second of load on unoptimised code: V8 has
 * not yet compiled the scenario's functions, signing, the HTTP client and
 * the engine's bookkeeping, so each request costs several times its steady
 * cost, the schedule slips and the slip opens hundreds of new connections,
 * which slips it further. At 5,000 req/s that cold start alone dropped about
 * 3 % of a 5 s run (bench/RESULTS.md). Before its schedule starts, a thread
 * therefore runs the same code for a moment against a throwaway server of
 * its own on loopback: the scenario's own definition (`request` and
 * `afterResponse`) for each of its plans, with the plans' names, execs and
 * tags, through the same kind of transport, histograms and threshold sinks,
 * so that V8 meets after t = 0 what it compiled for. The target sees
 * nothing and the results are discarded. The warm-up runs under its own run
 * id (`<run id>-warm-up`) and VU ids from 1 000 000 000, so state a scenario
 * keeps per run or per VU never meets the real run's.
 */
import { createServer, type AddressInfo, type Socket } from 'node:net';
import type { ScenarioDefinition } from '../scenario-definition.js';
import { realClock } from './clock.js';
import { sinkKeys } from './metric-sinks.js';
import { runSlice } from './run-slice.js';
import { scenarioPlans } from './scenario-plan.js';
import { expectedStatusFor, scenarioEnv, type SliceSetup } from './slice-setup.js';
import { undiciTransport } from './undici-transport.js';

/** Default warm-up of a thread, ms. */
export const defaultWarmUpMs = 2_000;

/** VU ids of the warm-up start here, far above any real VU's (per-VU state of a scenario never meets them). */
export const warmUpFirstVuId = 1_000_000_000;

/** Iterations per second the warm-up offers, shared by the scenario's plans: more than one thread serves alone. */
const warmUpRate = 8_000;

const answer = Buffer.from('HTTP/1.1 201 Created\r\ncontent-type: application/json\r\ncontent-length: 2\r\n\r\n{}', 'latin1');

/**
 * A server that answers every request with the same 201, in a few lines of
 * its own rather than node:http: it runs in the warming thread, and every
 * microsecond it spends is one the client's code is not being compiled in.
 * It only has to understand what our own client sends: a head and a
 * Content-Length body.
 */
function throwawayServer(): Promise<{ readonly port: number; stop(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    let buffered = '';
    socket.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('latin1');
      for (let head = buffered.indexOf('\r\n\r\n'); head !== -1; head = buffered.indexOf('\r\n\r\n')) {
        const end = head + 4 + Number(/\r\ncontent-length: *(\d+)/i.exec(buffered.slice(0, head))?.[1] ?? 0);
        if (buffered.length < end) return;
        buffered = buffered.slice(end);
        socket.write(answer);
      }
    });
  });
  const stop = (): Promise<void> =>
    new Promise((resolve) => {
      server.close(() => resolve());
      for (const socket of sockets) socket.destroy();
    });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve({ port: (server.address() as AddressInfo).port, stop }));
  });
}

/** Runs the scenario and the engine's hot path in this thread for `durationMs` against a throwaway server (nothing when 0). */
export async function warmUp(setup: SliceSetup, definition: ScenarioDefinition, durationMs: number, signal: AbortSignal): Promise<void> {
  if (durationMs <= 0 || signal.aborted || setup.plans.length === 0) return;
  const server = await throwawayServer();
  const transport = undiciTransport({ target: new URL(`http://127.0.0.1:${server.port}`), connections: 32, timeoutMs: 5_000, readBodies: definition.afterResponse !== undefined });
  // One arrival plan per plan of the run, with its name, exec and tags, planned as the run's own are: after
  // t = 0 V8 meets the same definition, functions and object shapes it compiled for. The rate is more than
  // one thread can serve alone: some iterations are dropped, which warms that path too.
  const rate = Math.max(1, Math.floor(warmUpRate / setup.plans.length));
  const plans = scenarioPlans({
    scenarios: Object.fromEntries(
      setup.plans.map((plan) => [
        plan.name,
        { executor: 'constant-arrival-rate' as const, exec: plan.exec, tags: { ...plan.tags }, rate, timeUnit: '1s', duration: `${durationMs}ms`, preAllocatedVUs: 16, gracefulStop: '1s' },
      ]),
    ),
  });
  try {
    const running = runSlice({
      definition,
      plans,
      segment: { index: 0, count: 1 },
      env: { ...scenarioEnv(setup), runId: `${setup.runId}-warm-up` },
      transport,
      clock: realClock,
      startAtMs: realClock.now(),
      signal,
      sinkKeys: sinkKeys(setup.thresholdKeys),
      expectedStatus: expectedStatusFor(setup),
      maxRequests: Number.POSITIVE_INFINITY,
      keepObservations: setup.keepObservations,
      firstVuId: warmUpFirstVuId,
    });
    await running.done;
  } finally {
    await transport.close();
    await server.stop();
  }
}
