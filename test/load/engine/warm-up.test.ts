/**
 * The warm-up before a thread's schedule: the scenario's own definition runs
 * against a throwaway server of the thread's own, never the target, for each
 * of the run's plans, with a run id and VU ids of its own.
 */
import { createServer } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultProfile } from '../../../src/contract/profile.js';
import { defaultUserPool } from '../../../src/load/engine/default-user-pool.js';
import type { ScenarioPlan } from '../../../src/load/engine/scenario-plan.js';
import { connectionsAhead, maxConnectionsAhead } from '../../../src/load/engine/prepare-slice.js';
import type { SliceSetup } from '../../../src/load/engine/slice-setup.js';
import { warmUp, warmUpFirstVuId } from '../../../src/load/engine/warm-up.js';
import type { IterationInfo, ScenarioDefinition } from '../../../src/load/scenario-definition.js';
import { createBody } from '../../../src/load/scenarios/create-body.js';
import { signedCreate } from '../../../src/load/scenarios/signed-create.js';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** The target: it must never hear from the warm-up. */
async function target(): Promise<{ url: string; hits: () => number }> {
  let hits = 0;
  const server = createServer((req, res) => {
    hits++;
    req.resume();
    res.end();
  });
  server.on('connection', () => hits++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => new Promise((resolve) => server.close(resolve)));
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}`, hits: () => hits };
}

const base = { tags: {}, startMs: 0, durationMs: 1000, gracefulStopMs: 0 };
const plans: ScenarioPlan[] = [
  { ...base, kind: 'arrival', name: 'above', exec: 'offered', stages: [{ durationMs: 1000, fromRate: 10, toRate: 10 }], preAllocatedVUs: 6, maxVUs: 9 },
  { ...base, kind: 'closed', name: 'polite', exec: 'polite', vus: 3 },
  { ...base, kind: 'closed', name: 'later', exec: 'polite', vus: 4, startMs: 1000 },
];

function setup(url: string, overrides: Partial<SliceSetup> = {}): SliceSetup {
  return {
    scenarioName: 'recording',
    plans,
    segment: { index: 0, count: 1 },
    target: url,
    timeoutMs: 5_000,
    thresholdKeys: ['http_req_duration{status:201}'],
    expectedStatuses: [],
    maxRequests: 100,
    keepObservations: true,
    warmUpMs: 150,
    runId: 'run-1',
    profile: defaultProfile,
    partner: { apiKey: 'pk_warm', secret: 'sk_warm_secret' },
    pool: defaultUserPool(defaultProfile, 20),
    ...overrides,
  };
}

function recordingDefinition() {
  const requests: { exec: string; info: IterationInfo; runId: string }[] = [];
  const responses: { status: number; vu: number; runId: string }[] = [];
  const definition: ScenarioDefinition = {
    name: 'recording',
    description: 'records what the warm-up calls',
    options: () => ({}),
    request(exec, info, env) {
      requests.push({ exec, info, runId: env.runId });
      return signedCreate(env, createBody(env, info.iterationInTest, `w-${info.iterationInTest}`));
    },
    afterResponse(_exec, info, response, env) {
      responses.push({ status: response.status, vu: info.vu, runId: env.runId });
      return {};
    },
  };
  return { definition, requests, responses };
}

describe('warmUp', () => {
  it("runs the scenario against its own server, never the target, under its own run id and VU ids", async () => {
    const { url, hits } = await target();
    const recording = recordingDefinition();
    await warmUp(setup(url), recording.definition, 150, new AbortController().signal);
    expect(recording.requests.length).toBeGreaterThan(10);
    expect(hits()).toBe(0);
    expect(recording.responses.length).toBeGreaterThan(10);
    expect(new Set(recording.responses.map((r) => r.status))).toEqual(new Set([201]));
    expect(new Set([...recording.requests, ...recording.responses].map((r) => r.runId))).toEqual(new Set(['run-1-warm-up']));
    expect(Math.min(...recording.requests.map((r) => r.info.vu), ...recording.responses.map((r) => r.vu))).toBeGreaterThanOrEqual(warmUpFirstVuId);
    expect(new Set(recording.requests.map((r) => `${r.info.scenario}:${r.exec}`))).toEqual(new Set(['above:offered', 'polite:polite', 'later:polite']));
  });

  it('does nothing when it is off or the run is already stopping', async () => {
    const { url } = await target();
    const recording = recordingDefinition();
    await warmUp(setup(url), recording.definition, 0, new AbortController().signal);
    await warmUp(setup(url), recording.definition, 150, AbortSignal.abort());
    expect(recording.requests).toEqual([]);
  });
});

describe('connectionsAhead', () => {
  it("opens a socket for each VU a thread starts with: pre-allocated or constant, this thread's share, not later scenarios'", () => {
    expect(connectionsAhead({ plans, segment: { index: 0, count: 1 } })).toBe(9);
    expect(connectionsAhead({ plans, segment: { index: 0, count: 2 } })).toBe(3 + 2);
    expect(connectionsAhead({ plans, segment: { index: 1, count: 2 } })).toBe(3 + 1);
  });

  it(`opens at most ${maxConnectionsAhead} per thread: a larger burst would overflow the target's accept backlog`, () => {
    const big: ScenarioPlan[] = [{ ...base, kind: 'arrival', name: 'big', exec: 'offered', stages: [{ durationMs: 1000, fromRate: 5000, toRate: 5000 }], preAllocatedVUs: 2510, maxVUs: 2510 }];
    expect(connectionsAhead({ plans: big, segment: { index: 0, count: 2 } })).toBe(maxConnectionsAhead);
  });
});
