/**
 * One conformance run: open a session (the target, or the embedded
 * sandbox), run the selected checks, summarise. Used by the `conformance`,
 * `replay` and `certify` commands and the fault-matrix tests alike.
 */
import type { Check } from '../checks/check.js';
import type { RunSummary } from '../checks/failure.js';
import { runChecks, type RunEvent } from '../checks/run-checks.js';
import { openSession, type SessionOptions } from './open-session.js';
import { reproduce } from './reproduction.js';
import { newRunId } from './run-id.js';
import { summarise } from './summarise.js';

export type { DeclaredRateLimit } from './open-session.js';

export interface ConformanceOptions extends Omit<SessionOptions, 'runId'> {
  readonly checks: readonly Check[];
  readonly runs: number;
  readonly seed: number;
  /** Replay one counterexample (single check). */
  readonly path?: string;
  readonly onEvent?: (event: RunEvent) => void;
  readonly runId?: string;
  readonly version?: string;
}

export interface ConformanceRun {
  readonly summary: RunSummary;
  /** Every secret the run used: reports are redacted against them. */
  readonly secrets: readonly string[];
}

export async function runConformance(options: ConformanceOptions): Promise<ConformanceRun> {
  const startedAt = new Date();
  const runId = options.runId ?? newRunId(startedAt.getTime());
  const session = await openSession({ ...options, runId });
  const { client, context } = session;
  try {
    const outcome = await runChecks({
      checks: options.checks,
      context,
      seed: options.seed,
      runs: options.runs,
      ...(options.path !== undefined ? { path: options.path } : {}),
      exchanges: client.exchanges,
      reproduce: (exchange) => reproduce(exchange, { profile: options.profile, partners: session.partners, serverNowMs: () => client.serverClock.nowMs() }),
      ...(options.onEvent ? { onEvent: options.onEvent } : {}),
    });
    const summary = summarise({
      runId,
      target: session.targetLabel,
      startedAt,
      seed: options.seed,
      results: outcome.results,
      complete: outcome.complete && !options.signal.aborted,
      requests: client.exchanges.length,
      version: options.version ?? '0.1.0',
    });
    return { summary, secrets: session.partners.map((p) => p.secret) };
  } finally {
    await session.close();
  }
}
