/** The LoadSummary of a Node-engine run, from the merged slices of its threads. */
import type { Options } from 'k6/options';
import { analyseRateLimit, buildTimeline } from '../analysis/index.js';
import { evaluateThresholds } from '../k6-options/thresholds.js';
import type { LatencySummary, LoadSummary, StatusClass } from '../load-summary.js';
import type { ScenarioDefinition, ScenarioParams } from '../scenario-definition.js';
import { generatorProblems, type GeneratorHealth } from './generator-health.js';
import { percentile } from './histogram.js';
import { latencySummary } from './latency-summary.js';
import { metricValues, sinkKeys } from './metric-sinks.js';
import { plannedDurationMs, type ScenarioPlan } from './scenario-plan.js';
import { mergeSliceResults, type SliceResult } from './slice-result.js';

export interface SummaryInput {
  readonly runId: string;
  readonly definition: ScenarioDefinition;
  readonly k6Options: Options;
  readonly plans: readonly ScenarioPlan[];
  readonly target: URL;
  /** Epoch ms of t = 0 of the schedule, and of the end of the run. */
  readonly startAtMs: number;
  readonly endedAtMs: number;
  readonly slices: readonly SliceResult[];
  readonly aborted: boolean;
  readonly declaredLimit?: ScenarioParams['declaredLimit'];
  readonly health: GeneratorHealth;
  readonly workers: number;
  readonly checks?: LoadSummary['checks'];
}

export function loadSummary(input: SummaryInput): LoadSummary {
  const keys = sinkKeys(Object.keys(input.k6Options.thresholds ?? {}));
  const merged = mergeSliceResults(keys, input.slices);
  const durationMs = Math.max(0, input.endedAtMs - input.startAtMs);
  // The rate over the main phase: gracefulStop tails do not dilute it.
  const mainMs = Math.max(1, Math.min(durationMs, plannedDurationMs(input.plans)));
  const eventLoopLagP99Ms = Math.max(0, ...merged.eventLoopLagP99Ms);
  const dispatchLagP99Ms = percentile(merged.dispatchLag, 99) / 1000;
  const invalidReasons = generatorProblems(eventLoopLagP99Ms, dispatchLagP99Ms, input.health);
  for (const [message, n] of Object.entries(merged.scriptErrors)) invalidReasons.push(`the scenario threw ${n}× : ${message}`);
  const byStatusClass: Partial<Record<StatusClass, LatencySummary>> = {};
  for (const [cls, histogram] of Object.entries(merged.byStatusClass) as [StatusClass, (typeof merged.byStatusClass)['2xx']][]) {
    if (histogram) byStatusClass[cls] = latencySummary(histogram);
  }
  return {
    schemaVersion: 1,
    runId: input.runId,
    engine: 'node',
    scenario: input.definition.name,
    target: input.target.href,
    startedAt: new Date(input.startAtMs).toISOString(),
    durationMs,
    complete: !input.aborted && !merged.requestCapReached,
    ...(input.aborted ? { stoppedEarly: 'interrupted' as const } : merged.requestCapReached ? { stoppedEarly: 'request-cap' as const } : {}),
    valid: invalidReasons.length === 0,
    invalidReasons,
    options: input.k6Options,
    totals: {
      offered: merged.offered,
      sent: merged.sent,
      dropped: merged.dropped,
      completed: merged.completed,
      byStatus: merged.byStatus,
      achievedRps: merged.sent / (mainMs / 1000),
    },
    latency: { fromScheduled: latencySummary(merged.fromScheduled), fromSend: latencySummary(merged.fromSend), byStatusClass },
    timeline: buildTimeline(merged.observations, merged.droppedIterations, input.startAtMs),
    rateLimit: analyseRateLimit(merged.observations, input.declaredLimit, merged.droppedIterations),
    thresholds: evaluateThresholds(input.k6Options.thresholds, metricValues(keys, merged.sinks, mainMs)),
    generator: { eventLoopLagP99Ms, dispatchLagP99Ms, workers: input.workers },
    ...(input.checks ? { checks: input.checks } : {}),
  };
}
