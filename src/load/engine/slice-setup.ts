/**
 * What a thread needs to run its slice, as plain data (worker_threads clone
 * it), and the function that turns it into a running slice: ScenarioEnv
 * (Node crypto, wall clock), an undici Pool sized to the thread's VUs.
 */
import type { Profile } from '../../contract/profile.js';
import { nodeCrypto } from '../../signing/node-crypto.js';
import type { Credentials } from '../../signing/sign-request.js';
import type { ScenarioDefinition, ScenarioEnv, UserTemplate } from '../scenario-definition.js';
import type { Clock } from './clock.js';
import { sinkKeys } from './metric-sinks.js';
import { runSlice, segmentShare, type RunningSlice } from './run-slice.js';
import type { ScenarioPlan } from './scenario-plan.js';
import type { Transport } from './transport.js';
import { undiciTransport } from './undici-transport.js';

export interface SliceSetup {
  /** ScenarioDefinition.name; the worker finds the definition by it. */
  readonly scenarioName: string;
  /** A module exporting the definition (tests); default the built-in `scenarioDefinitions`. */
  readonly definitionModule?: string;
  readonly plans: readonly ScenarioPlan[];
  readonly segment: { readonly index: number; readonly count: number };
  readonly target: string;
  readonly timeoutMs: number;
  readonly thresholdKeys: readonly string[];
  /** Statuses outside 200–399 that are expected (k6 expectedStatuses). */
  readonly expectedStatuses: readonly number[];
  readonly maxRequests: number;
  readonly keepObservations: boolean;
  /** Ms of warm-up before the schedule starts (warm-up.ts); 0 for none. */
  readonly warmUpMs: number;
  readonly runId: string;
  readonly profile: Profile;
  readonly partner: Credentials;
  readonly pool: readonly UserTemplate[];
}

/** Sockets for this thread: every VU it may hold at once (as k6, one connection per VU), at most 2048. */
export function connectionsFor(setup: Pick<SliceSetup, 'plans' | 'segment'>): number {
  const { index, count } = setup.segment;
  const vus = setup.plans.reduce((sum, plan) => sum + segmentShare(plan.kind === 'arrival' ? plan.maxVUs : plan.vus, index, count), 0);
  return Math.max(1, Math.min(2048, vus));
}

/** The thread's transport: an undici Pool with a socket per VU it may hold. */
export const sliceTransport = (setup: SliceSetup, definition: ScenarioDefinition): Transport =>
  undiciTransport({ target: new URL(setup.target), connections: connectionsFor(setup), timeoutMs: setup.timeoutMs, readBodies: definition.afterResponse !== undefined });

/** k6's expected statuses of a run: 200–399 and the scenario's own (http_req_failed, the `expected_response` tag). */
export function expectedStatusFor(setup: Pick<SliceSetup, 'expectedStatuses'>): (status: number) => boolean {
  const expected = new Set(setup.expectedStatuses);
  return (status) => (status >= 200 && status < 400) || expected.has(status);
}

export function scenarioEnv(setup: SliceSetup): ScenarioEnv {
  return { runId: setup.runId, profile: setup.profile, partner: setup.partner, crypto: nodeCrypto, nowMs: () => Date.now(), pool: setup.pool };
}

export function startSlice(setup: SliceSetup, definition: ScenarioDefinition, clock: Clock, startAtMs: number, signal: AbortSignal, transport?: Transport): { running: RunningSlice; transport: Transport } {
  const used = transport ?? sliceTransport(setup, definition);
  const running = runSlice({
    definition,
    plans: setup.plans,
    segment: setup.segment,
    env: scenarioEnv(setup),
    transport: used,
    clock,
    startAtMs,
    signal,
    sinkKeys: sinkKeys(setup.thresholdKeys),
    expectedStatus: expectedStatusFor(setup),
    maxRequests: setup.maxRequests,
    keepObservations: setup.keepObservations,
  });
  return { running, transport: used };
}

/** The definition called `name` among a module's exports (an array `scenarioDefinitions` or single definitions). */
export function findDefinition(module: Record<string, unknown>, name: string): ScenarioDefinition | undefined {
  const candidates: unknown[] = [];
  for (const value of Object.values(module)) {
    if (Array.isArray(value)) candidates.push(...value);
    else candidates.push(value);
  }
  return candidates.find((c): c is ScenarioDefinition => typeof c === 'object' && c !== null && (c as ScenarioDefinition).name === name && typeof (c as ScenarioDefinition).request === 'function');
}
