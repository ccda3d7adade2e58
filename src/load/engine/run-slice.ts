/**
 * Runs one thread's share of a load run (k6: one execution segment of
 * `count`): arrival-rate scenarios start iteration i = index, index+count, …
 * at their scheduled times from a pool of VUs (preAllocatedVUs, growing to
 * maxVUs); an iteration with no free VU is dropped (k6 `dropped_iterations`).
 * constant-vus scenarios run closed loops that honour the scenario's sleep.
 * After a scenario's duration, iterations in flight get gracefulStop, then
 * are interrupted. Pure of threads: the clock and the transport are passed in.
 */
import { setMaxListeners } from 'node:events';
import type { ScenarioDefinition, ScenarioEnv } from '../scenario-definition.js';
import { arrivalSchedule } from './arrival-schedule.js';
import type { Clock } from './clock.js';
import { createProgressDelta, type ProgressDelta } from './load-progress.js';
import { addSample, type SinkKey } from './metric-sinks.js';
import { iterate, type IterationContext, type Vu } from './iterate.js';
import type { ArrivalPlan, ClosedPlan, ScenarioPlan } from './scenario-plan.js';
import { createSliceResult, type SliceResult } from './slice-result.js';
import type { Transport } from './transport.js';

export interface SliceOptions {
  readonly definition: ScenarioDefinition;
  readonly plans: readonly ScenarioPlan[];
  /** This thread's segment: index in 0..count−1. */
  readonly segment: { readonly index: number; readonly count: number };
  readonly env: ScenarioEnv;
  readonly transport: Transport;
  readonly clock: Clock;
  /** Epoch ms of t = 0 of the schedule. */
  readonly startAtMs: number;
  readonly signal: AbortSignal;
  readonly sinkKeys: readonly SinkKey[];
  /** k6's expected statuses (http_req_failed, `expected_response` tag). */
  readonly expectedStatus: (status: number) => boolean;
  /** This thread's share of the total request cap. */
  readonly maxRequests: number;
  /** Keep a ResponseObservation per request (for the 429 analysis and the timeline). Default true. */
  readonly keepObservations?: boolean;
  /** The id of the run's first VU (k6: 1). The warm-up numbers its VUs apart from any real one. */
  readonly firstVuId?: number;
}

export interface RunningSlice {
  readonly done: Promise<SliceResult>;
  /** What happened since the last call (for the live progress line). */
  takeProgress(): ProgressDelta;
}

/** The share of `total` for segment `index` of `count` (the first `total % count` get one more). */
export const segmentShare = (total: number, index: number, count: number): number => Math.floor(total / count) + (index < total % count ? 1 : 0);

/** Every in-flight request and sleeping VU listens on the run's signals: hundreds of listeners are expected. */
const unlimitedListeners = <T extends AbortSignal>(signal: T): T => {
  setMaxListeners(0, signal);
  return signal;
};

export function runSlice(options: SliceOptions): RunningSlice {
  unlimitedListeners(options.signal);
  const result = createSliceResult(options.sinkKeys);
  let progress = createProgressDelta();
  const { index, count } = options.segment;
  const context: IterationContext = {
    options,
    result,
    progress: () => progress,
    nextVuId: (() => {
      let local = 0;
      const first = options.firstVuId ?? 1;
      return () => local++ * count + index + first;
    })(),
  };

  const dropIteration = (plan: ArrivalPlan, scheduledAtMs: number): void => {
    result.dropped++;
    progress.dropped++;
    result.droppedIterations.push({ scenario: plan.name, scheduledAtMs });
    addSample(options.sinkKeys, result.sinks, 'dropped_iterations', 'counter', 1, { scenario: plan.name, ...plan.tags }, scheduledAtMs);
  };

  const capReached = (): boolean => {
    if (result.sent < options.maxRequests) return false;
    result.requestCapReached = true;
    return true;
  };

  /** Waits for `active` until `deadline`, then interrupts what is still in flight. */
  async function gracefulStop(active: Set<Promise<void>>, deadline: number, interrupt: AbortController): Promise<void> {
    if (active.size > 0) {
      const settled = Promise.allSettled([...active]);
      const timeout = new AbortController();
      await Promise.race([settled, options.clock.sleepUntil(deadline, AbortSignal.any([timeout.signal, options.signal]))]);
      timeout.abort();
    }
    interrupt.abort();
    await Promise.allSettled([...active]);
  }

  async function runArrival(plan: ArrivalPlan): Promise<void> {
    const schedule = arrivalSchedule(plan.stages);
    const start = options.startAtMs + plan.startMs;
    const free: Vu[] = [];
    for (let i = segmentShare(plan.preAllocatedVUs, index, count); i > 0; i--) free.push({ id: context.nextVuId(), iterations: 0 });
    let allocated = free.length;
    const maxVUs = Math.max(allocated, segmentShare(plan.maxVUs, index, count));
    const interrupt = new AbortController();
    const signal = unlimitedListeners(AbortSignal.any([options.signal, interrupt.signal]));
    const active = new Set<Promise<void>>();
    for (let i = index; i < schedule.total; i += count) {
      const scheduledAtMs = start + schedule.offsetMs(i);
      await options.clock.sleepUntil(scheduledAtMs, options.signal);
      if (options.signal.aborted || capReached()) break;
      result.offered++;
      progress.offered++;
      let vu = free.pop();
      if (!vu && allocated < maxVUs) {
        allocated++;
        vu = { id: context.nextVuId(), iterations: 0 };
      }
      if (!vu) {
        dropIteration(plan, scheduledAtMs);
        continue;
      }
      const held = vu;
      const running: Promise<void> = iterate(context, plan, held, i, scheduledAtMs, 'open', signal).finally(() => {
        active.delete(running);
        free.push(held);
      });
      active.add(running);
    }
    await gracefulStop(active, start + plan.durationMs + plan.gracefulStopMs, interrupt);
  }

  async function runClosed(plan: ClosedPlan): Promise<void> {
    const start = options.startAtMs + plan.startMs;
    const end = start + plan.durationMs;
    await options.clock.sleepUntil(start, options.signal);
    const interrupt = new AbortController();
    const signal = unlimitedListeners(AbortSignal.any([options.signal, interrupt.signal]));
    let iteration = 0;
    const loop = async (vu: Vu): Promise<void> => {
      while (!options.signal.aborted && options.clock.now() < end && !capReached()) {
        result.offered++;
        progress.offered++;
        const i = iteration++ * count + index;
        await iterate(context, plan, vu, i, options.clock.now(), 'closed', signal);
      }
    };
    const active = new Set<Promise<void>>();
    for (let v = segmentShare(plan.vus, index, count); v > 0; v--) active.add(loop({ id: context.nextVuId(), iterations: 0 }));
    await options.clock.sleepUntil(end, options.signal);
    await gracefulStop(active, end + plan.gracefulStopMs, interrupt);
  }

  const done = Promise.all(options.plans.map((plan) => (plan.kind === 'arrival' ? runArrival(plan) : runClosed(plan)))).then(() => result);
  return {
    done,
    takeProgress() {
      const taken = progress;
      progress = createProgressDelta();
      return taken;
    },
  };
}
