/**
 * What one thread's share of a run measured (k6: one execution segment):
 * counts, µs histograms (overall, from the scheduled time and from the
 * send, per status class, dispatch lag), threshold sinks, observations and
 * dropped iterations. Plain data, so a worker posts it and the parent merges
 * it exactly with `mergeSliceResults`.
 */
import type { StatusClass } from '../load-summary.js';
import type { DroppedIteration, ResponseObservation } from '../response-observation.js';
import { createHistogram, mergeInto, type Histogram } from './histogram.js';
import { createSinkStates, mergeSinkStates, type SinkKey, type SinkState } from './metric-sinks.js';

export interface SliceResult {
  offered: number;
  sent: number;
  dropped: number;
  /** Answered with an HTTP status (any). */
  completed: number;
  /** Status code, or `error:<code>` for transport errors → count. */
  readonly byStatus: Record<string, number>;
  /** Latency from the scheduled time to the end of the response, µs. */
  readonly fromScheduled: Histogram;
  /** Latency from the send to the end of the response, µs (k6's http_req_duration). */
  readonly fromSend: Histogram;
  /** From the scheduled time, per status class, µs. */
  readonly byStatusClass: Partial<Record<StatusClass, Histogram>>;
  /** Send time − scheduled time, µs (open-model iterations only). */
  readonly dispatchLag: Histogram;
  /** Event-loop delay p99 of each thread, ms. */
  readonly eventLoopLagP99Ms: number[];
  readonly sinks: SinkState[];
  readonly observations: ResponseObservation[];
  readonly droppedIterations: DroppedIteration[];
  /** Exceptions thrown by the scenario's request/afterResponse: message → count. */
  readonly scriptErrors: Record<string, number>;
  requestCapReached: boolean;
}

export const createSliceResult = (keys: readonly SinkKey[]): SliceResult => ({
  offered: 0,
  sent: 0,
  dropped: 0,
  completed: 0,
  byStatus: {},
  fromScheduled: createHistogram(),
  fromSend: createHistogram(),
  byStatusClass: {},
  dispatchLag: createHistogram(),
  eventLoopLagP99Ms: [],
  sinks: createSinkStates(keys),
  observations: [],
  droppedIterations: [],
  scriptErrors: {},
  requestCapReached: false,
});

const addCounts = (into: Record<string, number>, from: Readonly<Record<string, number>>): void => {
  for (const [key, n] of Object.entries(from)) into[key] = (into[key] ?? 0) + n;
};

/** Merges the slices of every thread into one (exact: counts add, histograms merge, never averaged percentiles). */
export function mergeSliceResults(keys: readonly SinkKey[], slices: readonly SliceResult[]): SliceResult {
  const total = createSliceResult(keys);
  for (const slice of slices) {
    total.offered += slice.offered;
    total.sent += slice.sent;
    total.dropped += slice.dropped;
    total.completed += slice.completed;
    addCounts(total.byStatus, slice.byStatus);
    mergeInto(total.fromScheduled, slice.fromScheduled);
    mergeInto(total.fromSend, slice.fromSend);
    mergeInto(total.dispatchLag, slice.dispatchLag);
    for (const [cls, histogram] of Object.entries(slice.byStatusClass) as [StatusClass, Histogram][]) {
      mergeInto((total.byStatusClass[cls] ??= createHistogram()), histogram);
    }
    total.eventLoopLagP99Ms.push(...slice.eventLoopLagP99Ms);
    mergeSinkStates(total.sinks, slice.sinks);
    for (const o of slice.observations) total.observations.push(o);
    for (const d of slice.droppedIterations) total.droppedIterations.push(d);
    addCounts(total.scriptErrors, slice.scriptErrors);
    total.requestCapReached ||= slice.requestCapReached;
  }
  total.observations.sort((a, b) => a.scheduledAtMs - b.scheduledAtMs);
  total.droppedIterations.sort((a, b) => a.scheduledAtMs - b.scheduledAtMs);
  return total;
}

/** The status class of an HTTP status (0 = transport error); 1xx/3xx have none. */
export function statusClass(status: number): StatusClass | undefined {
  if (status === 0) return 'error';
  if (status === 429) return '429';
  if (status >= 200 && status < 300) return '2xx';
  if (status >= 400 && status < 500) return '4xx';
  if (status >= 500) return '5xx';
  return undefined;
}
