/** Options of `createSandbox` and `startSandbox`. */
import type { Profile } from '../contract/profile.js';
import type { SandboxPartner } from './sandbox-partner.js';
import type { RateLimitSettings } from './token-bucket.js';

export interface SandboxOptions {
  /** The contract profile to implement. Default: `defaultProfile` (contract.md as written). */
  readonly profile?: Profile;
  /** Partners (API key + secret). Default: `defaultSandboxPartners` (two well-known sandbox partners). */
  readonly partners?: readonly SandboxPartner[];
  /** Names from `faultCatalogue` to switch on. Default none. Unknown names throw a usage error. */
  readonly faults?: readonly string[];
  /**
   * Names from `variantCatalogue` to switch on: legitimate ways to implement
   * what the contract leaves open (applied before any fault). Default none.
   * Unknown names throw a usage error.
   */
  readonly variants?: readonly string[];
  /**
   * Overrides `profile.rateLimit` (contract §6), e.g. `{ requestsPerSecond: 5, burst: 2 }`;
   * `false` disables rate limiting (and its headers).
   */
  readonly rateLimit?: Partial<RateLimitSettings> | false;
  /** A SQLite file that keeps users and idempotent results across restarts. Default: in memory. */
  readonly dbPath?: string;
  /** Simulated processing time in ms, awaited while an Idempotency-Key is claimed (contract §4). Default 0. */
  readonly latencyMs?: number;
  /** Log why each 401 happened and, for a bad signature, the canonical string expected and the body SHA-256. */
  readonly debugSignatures?: boolean;
  /** Where log lines go (debug signatures, 500s). Default: none. */
  readonly log?: (line: string) => void;
  /** The sandbox clock, epoch ms. Default `Date.now`. When given, it also drives the `Date` header. */
  readonly now?: () => number;
}

/** Server timeouts of `startSandbox`, ms: no slow or abandoned client can hold a connection for long. */
export interface ServerTimeouts {
  /** Whole request (headers and body) must arrive within this. Default 10 000. */
  readonly requestTimeoutMs?: number;
  /** Headers must arrive within this. Default 5 000. */
  readonly headersTimeoutMs?: number;
  /** An idle keep-alive connection is closed after this. Default 5 000. */
  readonly keepAliveTimeoutMs?: number;
}
