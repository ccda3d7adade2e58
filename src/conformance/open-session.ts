/**
 * A conformance session: the target resolved (or the embedded sandbox
 * started), reachable, with a signing client and the checks' context. The
 * conformance command runs checks in one; the Vitest property suites open
 * one per file.
 */
import type { CheckContext } from '../checks/check-context.js';
import { createCheckContext } from '../checks/create-check-context.js';
import type { Profile } from '../contract/profile.js';
import { usageError } from '../errors.js';
import { createHarnessClient, type HarnessHttpClient } from '../http/create-harness-client.js';
import { isRunAbortedError } from '../http/run-aborted-error.js';
import type { StartSandboxOptions } from '../sandbox/index.js';
import type { Credentials } from '../signing/sign-request.js';
import { startEmbeddedTarget } from './embedded-target.js';

export interface DeclaredRateLimit {
  readonly requestsPerSecond: number;
  readonly burst?: number;
}

export interface SessionOptions {
  readonly profile: Profile;
  /** The API under test; undefined starts the embedded sandbox. */
  readonly target?: URL;
  /** Credentials for `target` (from the environment). */
  readonly partners?: { readonly primary?: Credentials; readonly secondary?: Credentials };
  /**
   * The limit the checks hold the target to: a declared limit, `'auto'` to
   * discover it, or undefined for the default (the embedded sandbox's own
   * limit, else the profile's).
   */
  readonly rateLimit?: DeclaredRateLimit | 'auto';
  /** Pace requests below this; default 80 % of the declared limit. */
  readonly maxRps?: number;
  /** Per-request deadline, ms; default 10 000. */
  readonly timeoutMs?: number;
  readonly signal: AbortSignal;
  /** Options of the embedded sandbox (faults, latency, …), for self-tests. */
  readonly sandbox?: Partial<StartSandboxOptions>;
  readonly runId: string;
}

export interface Session {
  readonly context: CheckContext;
  readonly client: HarnessHttpClient;
  /** What reports call the target. */
  readonly targetLabel: string;
  readonly partners: readonly Credentials[];
  close(): Promise<void>;
}

async function resolveTarget(options: SessionOptions) {
  if (!options.target) {
    const embedded = await startEmbeddedTarget(options.profile, options.sandbox);
    return { url: embedded.url, partners: embedded.partners, declared: embedded.rateLimit, label: `${embedded.url.origin} (embedded sandbox)`, close: () => embedded.close() };
  }
  const primary = options.partners?.primary;
  if (!primary) {
    throw usageError('BOCA_CREDENTIALS', `To check ${options.target.href} the harness needs its credentials: set BOCA_API_KEY and BOCA_API_SECRET (and BOCA_API_KEY_2 / BOCA_API_SECRET_2 for the checks that need a second partner).`);
  }
  const partners = options.partners?.secondary ? { primary, secondary: options.partners.secondary } : { primary };
  return { url: options.target, partners, declared: options.profile.rateLimit, label: options.target.href, close: async () => {} };
}

export async function openSession(options: SessionOptions): Promise<Session> {
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
  const close = async () => {
    await client.close().catch(() => {});
    await target.close();
  };
  try {
    await preflight(client, target.url, options.signal);
  } catch (error) {
    await close();
    throw error;
  }
  const context = createCheckContext({
    target: target.url,
    profile: options.profile,
    client,
    partners: target.partners,
    runId: options.runId,
    ...(declared ? { declaredRateLimit: declared } : {}),
    signal: options.signal,
  });
  const partners = [target.partners.primary, ...('secondary' in target.partners && target.partners.secondary ? [target.partners.secondary] : [])];
  return { context, client, targetLabel: target.label, partners, close };
}

/**
 * One unsigned request first: an unreachable target is a usage error (exit
 * 2), not a page of failed checks. Unreachable means no HTTP response ever
 * started: refused, reset, or silent until the deadline (most likely a wrong
 * URL or port). A target that sent a status line, however broken what
 * followed (a stalled or cut-off body, bytes that are not HTTP), speaks to
 * the harness: its checks run and fail with what happened (exit 1, reports).
 */
async function preflight(client: HarnessHttpClient, url: URL, signal: AbortSignal): Promise<void> {
  try {
    const exchange = await client.send({ json: {}, sign: false, retryOn429: false });
    if (exchange.error && exchange.error.status === undefined && exchange.error.code !== 'invalid-response') {
      throw usageError('BOCA_CONNECTION', `Cannot reach the target ${url.href}: ${exchange.error.code} (${exchange.error.message}). Is it running, and is the URL right?`);
    }
  } catch (error) {
    if (isRunAbortedError(error) && signal.aborted) return;
    throw error;
  }
}
