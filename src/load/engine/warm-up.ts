/**
 * A fresh thread runs its first second of load on unoptimised code: V8 has
 * not yet compiled the scenario's request builder, signing, the HTTP client
 * and the engine's bookkeeping, so each request costs several times its
 * steady cost, the schedule slips and the slip opens hundreds of new
 * connections, which slips it further. At 4,000 req/s that cold start alone
 * dropped ~3 % of a 5 s run (bench/RESULTS.md). Before its schedule starts, a
 * thread therefore runs the same code for a moment against a throwaway server
 * of its own on loopback: the scenario's `request` for each of its plans
 * (under a warm-up run id, with VU ids no real VU has), the same transport,
 * histograms and threshold sinks. The target sees nothing, the results are
 * discarded, and `afterResponse` is never called (scenarios keep per-run
 * state there).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ScenarioDefinition } from '../scenario-definition.js';
import { realClock } from './clock.js';
import { sinkKeys } from './metric-sinks.js';
import { runSlice } from './run-slice.js';
import type { ArrivalPlan } from './scenario-plan.js';
import { scenarioEnv, type SliceSetup } from './slice-setup.js';
import { undiciTransport } from './undici-transport.js';

/** Default warm-up of a thread, ms. */
export const defaultWarmUpMs = 1_000;

/** VU ids of the warm-up start here, far above any real VU's (per-VU state of a scenario never meets them). */
const warmUpVuBase = 1_000_000_000;

/** `definition`'s requests, cycling through the execs of `setup`'s plans, without its afterResponse. */
function warmUpDefinition(definition: ScenarioDefinition, setup: SliceSetup): ScenarioDefinition {
  const plans = setup.plans;
  return {
    name: `${definition.name} (warm-up)`,
    description: 'the scenario’s requests against the thread’s own throwaway server',
    options: () => ({}),
    request: (_exec, info, env) => {
      const plan = plans[info.iterationInTest % plans.length]!;
      return definition.request(plan.exec, { ...info, scenario: plan.name, vu: warmUpVuBase + info.vu }, env);
    },
  };
}

function throwawayServer(): Promise<Server> {
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      response.writeHead(201, { 'content-type': 'application/json', 'content-length': '2' });
      response.end('{}');
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

/** Runs the engine's hot path in this thread for `durationMs` (nothing when 0). */
export async function warmUp(setup: SliceSetup, definition: ScenarioDefinition, durationMs: number, signal: AbortSignal): Promise<void> {
  if (durationMs <= 0 || signal.aborted || setup.plans.length === 0) return;
  const server = await throwawayServer();
  const transport = undiciTransport({ target: new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}`), connections: 32, timeoutMs: 5_000, readBodies: definition.afterResponse !== undefined });
  const plan: ArrivalPlan = {
    kind: 'arrival',
    name: 'warm-up',
    exec: 'default',
    tags: {},
    startMs: 0,
    durationMs,
    gracefulStopMs: 1_000,
    // More than one thread can serve on its own: some iterations are dropped, which warms that path too.
    stages: [{ durationMs, fromRate: 8_000, toRate: 8_000 }],
    preAllocatedVUs: 32,
    maxVUs: 32,
  };
  try {
    const running = runSlice({
      definition: warmUpDefinition(definition, setup),
      plans: [plan],
      segment: { index: 0, count: 1 },
      env: { ...scenarioEnv(setup), runId: `${setup.runId}-warm-up` },
      transport,
      clock: realClock,
      startAtMs: realClock.now(),
      signal,
      sinkKeys: sinkKeys(setup.thresholdKeys),
      expectedStatus: (status) => status >= 200 && status < 400,
      maxRequests: Number.POSITIVE_INFINITY,
      keepObservations: setup.keepObservations,
    });
    await running.done;
  } finally {
    await transport.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}
