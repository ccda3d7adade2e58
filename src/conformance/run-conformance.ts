/**
 * One conformance run: resolve the target (or start the embedded sandbox),
 * make sure it answers, run the selected checks, and summarise. Used by the
 * `conformance`, `replay` and `certify` commands, the property suites and the
 * fault-matrix tests alike.
 */
import type { Check } from '../checks/check.js';
import { createCheckContext } from '../checks/create-check-context.js';
import type { RunSummary } from '../checks/failure.js';
import { runChecks, type RunEvent } from '../checks/run-checks.js';
import type { Profile } from '../contract/profile.js';
import { usageError } from '../errors.js';
import { createHarnessClient } from '../http/create-harness-client.js';
import { isRunAbortedError } from '../http/run-aborted-error.js';
import type { StartSandboxOptions } from '../sandbox/index.js';
import type { Credentials } from '../signing/sign-request.js';
import { startEmbeddedTarget } from './embedded-target.js';
import { reproduce } from './reproduction.js';
import { newRunId } from './run-id.js';
import { summarise } from './summarise.js';

export interface DeclaredRateLimit {
  readonly requestsPerSecond: number;
  readonly burst?: number;
}

export interface ConformanceOptions {
  readonly profile: Profile;
  /** The API under test; undefined starts the embedded sandbox. */
  readonly target?: URL;
  /** Credentials for `target` (from the environment). */
  readonly partners?: { readonly primary?: Credentials; readonly secondary?: Credentials };
  readonly checks: readonly Check[];
  readonly runs: number;
  readonly seed: number;
  /** Replay one counterexample (single check). */
  readonly path?: string;
  /**
   * The limit the checks hold the target to: a declared limit, `'auto'` to
   * discover it, or undefined for the default (the embedded sandbox's own
   * limit, else the profile's).
   */
  readonly rateLimit?: DeclaredRateLimit | 'auto';
  /** Pace requests below this; default 80 % of the declared limit. */
  readonly maxRps?: number;
  /** Per-request deadline, ms. */
  readonly timeoutMs?: number;
  readonly signal: AbortSignal;
  readonly onEvent?: (event: RunEvent) => void;
  /** Options of the embedded sandbox (faults, latency, …), for self-tests. */
  readonly sandbox?: Partial<StartSandboxOptions>;
  readonly runId?: string;
  readonly version?: string;
}

export interface ConformanceRun {
  readonly summary: RunSummary;
  /** Every secret the run used: reports are redacted against them. */
  readonly secrets: readonly string[];
}

async function resolveTarget(options: ConformanceOptions) {
  if (!options.target) {
    const embedded = await startEmbeddedTarget(options.profile, options.sandbox);
    return { url: embedded.url, partners: embedded.partners, declared: embedded.rateLimit, close: () => embedded.close() };
  }
  const primary = options.partners?.primary;
  if (!primary) {
    throw usageError('BOCA_CREDENTIALS', `To check ${options.target.href} the harness needs its credentials: set BOCA_API_KEY and BOCA_API_SECRET (and BOCA_API_KEY_2 / BOCA_API_SECRET_2 for the checks that need a second partner).`);
  }
  const partners = options.partners?.secondary ? { primary, secondary: options.partners.secondary } : { primary };
  return { url: options.target, partners, declared: options.profile.rateLimit, close: async () => {} };
}

export async function runConformance(options: ConformanceOptions): Promise<ConformanceRun> {
  const startedAt = new Date();
  const runId = options.runId ?? newRunId(startedAt.getTime());
  const target = await resolveTarget(options);
  const declared = options.rateLimit === 'auto' ? undefined : (options.rateLimit ?? target.declared);
  const maxRps = options.maxRps ?? (declared ? declared.requestsPerSecond * 0.8 : undefined);
  const client = createHarnessClient({
    target: target.url,
    profile: options.profile,
    partners: target.partners,
    timeoutMs: options.timeoutMs ?? 10_000,
    ...(maxRps !== undefined ? { maxRps, maxBurst: Math.max(1, Math.min(20, Math.floor((declared?.burst ?? 2) / 2))) } : {}),
    signal: options.signal,
  });
  const partnerList = [target.partners.primary, ...('secondary' in target.partners && target.partners.secondary ? [target.partners.secondary] : [])];
  try {
    await preflight(client, target.url, options.signal);
    const context = createCheckContext({
      target: target.url,
      profile: options.profile,
      client,
      partners: target.partners,
      runId,
      ...(declared ? { declaredRateLimit: declared } : {}),
      signal: options.signal,
    });
    const outcome = await runChecks({
      checks: options.checks,
      context,
      seed: options.seed,
      runs: options.runs,
      ...(options.path !== undefined ? { path: options.path } : {}),
      exchanges: client.exchanges,
      reproduce: (exchange) => reproduce(exchange, { profile: options.profile, partners: partnerList, serverNowMs: () => client.serverClock.nowMs() }),
      ...(options.onEvent ? { onEvent: options.onEvent } : {}),
    });
    const summary = summarise({
      runId,
      target: options.target ? target.url.href : `${target.url.href} (embedded sandbox)`,
      startedAt,
      seed: options.seed,
      results: outcome.results,
      complete: outcome.complete && !options.signal.aborted,
      requests: client.exchanges.length,
      version: options.version ?? '0.1.0',
    });
    return { summary, secrets: partnerList.map((p) => p.secret) };
  } finally {
    await client.close().catch(() => {});
    await target.close();
  }
}

/** One unsigned request first: an unreachable target is a usage error (exit 2), not a page of failed checks. */
async function preflight(client: ReturnType<typeof createHarnessClient>, url: URL, signal: AbortSignal): Promise<void> {
  try {
    const exchange = await client.send({ json: {}, sign: false, retryOn429: false });
    if (exchange.error && exchange.error.code !== 'invalid-response') {
      throw usageError('BOCA_CONNECTION', `Cannot reach the target ${url.href}: ${exchange.error.code} (${exchange.error.message}). Is it running, and is the URL right?`);
    }
  } catch (error) {
    if (isRunAbortedError(error) && signal.aborted) return;
    throw error;
  }
}
