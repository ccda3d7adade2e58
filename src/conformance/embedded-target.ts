/**
 * The embedded target: with no `--target`, the harness starts its own
 * sandbox on an ephemeral loopback port with fresh credentials for two
 * partners, and declares the sandbox's rate limit to the checks.
 */
import { randomBytes } from 'node:crypto';
import type { Profile } from '../contract/profile.js';
import { startSandbox, type StartSandboxOptions, type StartedSandbox } from '../sandbox/index.js';
import type { Credentials } from '../signing/sign-request.js';

/**
 * The embedded sandbox's limit: high enough that the suite runs at full speed
 * (about 800 checked requests/s under pacing), with a small burst so the
 * rate-limit checks provoke a 429 within a few hundred requests.
 */
export const embeddedRateLimit = { requestsPerSecond: 1000, burst: 100 } as const;

export interface EmbeddedTarget {
  readonly url: URL;
  readonly partners: { readonly primary: Credentials; readonly secondary: Credentials };
  /** The limit the sandbox enforces, declared to the checks; undefined when limiting is off. */
  readonly rateLimit?: { readonly requestsPerSecond: number; readonly burst: number };
  readonly sandbox: StartedSandbox;
  close(): Promise<void>;
}

const freshPartner = (n: number): Credentials => ({
  apiKey: `pk_embedded_${n}_${randomBytes(6).toString('hex')}`,
  secret: `sk_embedded_${randomBytes(24).toString('hex')}`,
});

/**
 * Simulated processing time of requests that hold an Idempotency-Key, ms:
 * long enough that concurrent requests with one key really overlap in flight
 * (contract §4), short enough to cost the suite little.
 */
export const embeddedLatencyMs = 3;

/** Starts the embedded sandbox; `sandbox` options (faults, latency, …) are for self-tests. */
export async function startEmbeddedTarget(profile: Profile, sandbox: Partial<StartSandboxOptions> = {}): Promise<EmbeddedTarget> {
  const primary = freshPartner(1);
  const secondary = freshPartner(2);
  const rateLimit = sandbox.rateLimit === false ? undefined : { ...embeddedRateLimit, ...sandbox.rateLimit };
  const started = await startSandbox({ profile, partners: [primary, secondary], latencyMs: embeddedLatencyMs, ...sandbox, rateLimit: rateLimit ?? false, port: 0, host: '127.0.0.1' });
  return {
    url: new URL(started.url),
    partners: { primary, secondary },
    ...(rateLimit ? { rateLimit } : {}),
    sandbox: started,
    close: () => started.close(),
  };
}
