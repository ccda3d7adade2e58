/**
 * What a thread does before t = 0: warm its code up (warm-up.ts), then
 * connect the sockets of the VUs it starts with, so that the schedule holds
 * from its first second.
 */
import type { ScenarioDefinition } from '../scenario-definition.js';
import { segmentShare } from './run-slice.js';
import { connectionsFor, type SliceSetup } from './slice-setup.js';
import type { Transport } from './transport.js';
import { warmUp } from './warm-up.js';

/**
 * At most this many sockets per thread are opened ahead. More would arrive
 * at the target as one burst of connections: past its accept backlog (511
 * in Node and nginx) the extra SYNs are dropped and retried a second later,
 * and the target starts the run accepting instead of answering. Beyond
 * them the pool connects on demand, as k6 does.
 */
export const maxConnectionsAhead = 128;

/** Sockets to open before t = 0: the VUs the scenarios that start at once begin with (pre-allocated, or all of constant-vus), at most `maxConnectionsAhead`. */
export function connectionsAhead(setup: Pick<SliceSetup, 'plans' | 'segment'>): number {
  const { index, count } = setup.segment;
  const vus = setup.plans.filter((plan) => plan.startMs === 0).reduce((sum, plan) => sum + segmentShare(plan.kind === 'arrival' ? plan.preAllocatedVUs : plan.vus, index, count), 0);
  return Math.min(connectionsFor(setup), vus, maxConnectionsAhead);
}

/** Before t = 0: warms this thread's code (warm-up.ts), then connects its sockets ahead. */
export async function prepareSlice(setup: SliceSetup, definition: ScenarioDefinition, transport: Transport, signal: AbortSignal): Promise<void> {
  await warmUp(setup, definition, setup.warmUpMs, signal);
  if (!signal.aborted) await transport.open?.(connectionsAhead(setup), signal);
}

