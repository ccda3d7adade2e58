/**
 * When the load generator itself is the bottleneck its figures understate
 * the target: a run whose event loop or dispatch lagged beyond these bounds
 * is marked invalid (`valid: false`) with the reasons.
 */
export interface GeneratorHealth {
  /** Event-loop lag p99 of any thread (beyond the monitor's 10 ms resolution, event-loop-lag.ts) above this, ms, means saturated. Default 50. */
  readonly maxEventLoopLagP99Ms: number;
  /** Send time − scheduled time p99 above this, ms, means the schedule was not kept. Default 25. */
  readonly maxDispatchLagP99Ms: number;
}

export const defaultGeneratorHealth: GeneratorHealth = { maxEventLoopLagP99Ms: 50, maxDispatchLagP99Ms: 25 };

export function generatorProblems(eventLoopLagP99Ms: number, dispatchLagP99Ms: number, health: GeneratorHealth): string[] {
  const reasons: string[] = [];
  if (eventLoopLagP99Ms > health.maxEventLoopLagP99Ms) {
    reasons.push(`generator saturated: event-loop delay p99 ${eventLoopLagP99Ms.toFixed(1)} ms > ${health.maxEventLoopLagP99Ms} ms (lower the rate or free CPU)`);
  }
  if (dispatchLagP99Ms > health.maxDispatchLagP99Ms) {
    reasons.push(`generator behind schedule: dispatch lag p99 ${dispatchLagP99Ms.toFixed(1)} ms > ${health.maxDispatchLagP99Ms} ms (requests left later than scheduled)`);
  }
  return reasons;
}
