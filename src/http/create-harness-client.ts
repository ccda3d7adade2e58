/** The harness's HTTP client: every layer composed in one place. */
import { Pool } from 'undici';
import type { HarnessClient } from '../checks/check-context.js';
import type { Profile } from '../contract/profile.js';
import type { CryptoPrimitives } from '../signing/crypto-primitives.js';
import { nodeCrypto } from '../signing/node-crypto.js';
import type { Credentials } from '../signing/sign-request.js';
import type { Exchange } from './exchange.js';
import { createPacer } from './pacer.js';
import { prepareRequest } from './prepare-request.js';
import { runAbortedError, throwIfRunAborted } from './run-aborted-error.js';
import { createServerClock, type ServerClock } from './server-clock.js';
import { realSleep, type Sleep } from './sleep.js';
import { createUndiciTransport } from './undici-transport.js';
import { withPacing } from './with-pacing.js';
import { withRecording } from './with-recording.js';
import { withRetryOn429, type RetryOn429Options } from './with-retry-on-429.js';
import { withServerClock } from './with-server-clock.js';
import { withSigning } from './with-signing.js';
import { withStallBreaker } from './with-stall-breaker.js';

export interface HarnessClientOptions {
  /** The API under test; only its origin is used (paths are sent verbatim). */
  readonly target: URL;
  readonly profile: Profile;
  readonly partners: { readonly primary: Credentials; readonly secondary?: Credentials };
  /** Deadline of every request, connecting, headers and body together, ms; default 10 000. */
  readonly timeoutMs?: number;
  /** Pace all requests below this many per second (`--max-rps`); default unpaced. */
  readonly maxRps?: number;
  /** Requests the pacer lets go at once after idling; default 1. Concurrency checks need ≥ their concurrency. */
  readonly maxBurst?: number;
  /** Retry an unexpected 429 per `Retry-After` (default `{ maxRetries: 3, maxWaitMs: 10_000 }`), or `false`. */
  readonly retryOn429?: RetryOn429Options | false;
  /** At most this many bytes of a response body are recorded (`bodyTruncated`); default 1 MiB. */
  readonly maxResponseBytes?: number;
  /**
   * After this many requests in a row ran into `timeoutMs` with no answer in
   * between, every further request fails at once (`timeout`) instead of
   * waiting: a dead target ends the run quickly. Default 5; `false` waits every time.
   */
  readonly stallBreaker?: number | false;
  /** Connections of the undici Pool; default 16. */
  readonly connections?: number;
  /** The run's signal: aborting cancels requests in flight and makes `send` reject with the run-aborted error. */
  readonly signal?: AbortSignal;
  /** Called for every exchange as it completes, retried 429s included. */
  readonly onExchange?: (exchange: Exchange) => void;
  /** Local clock, epoch ms; default `Date.now`. */
  readonly now?: () => number;
  /** Waits of the pacer and of retries; default real timers. */
  readonly sleep?: Sleep;
  /** Default `nodeCrypto`. */
  readonly crypto?: CryptoPrimitives;
}

/** A `HarnessClient` that also exposes what it recorded and learned. */
export interface HarnessHttpClient extends HarnessClient {
  /** Every exchange so far, in completion order (ids in send order). */
  readonly exchanges: readonly Exchange[];
  /** The server's clock learned from `Date` headers (contract §1). */
  readonly serverClock: ServerClock;
  /** Closes the pool once requests in flight are done (each bounded by `timeoutMs`). */
  close(): Promise<void>;
}

/**
 * Creates the client. Layers, outermost first: retry on 429 → pacing →
 * signing (fresh server-clock timestamp per attempt) → server clock →
 * recording → stall breaker → undici transport (one Pool for the target's origin).
 *
 * `send` never rejects for HTTP statuses or transport errors (they are
 * exchanges with `error`); it rejects only with the run-aborted error
 * (`code: 'BOCA_ABORTED'`, `name: 'AbortError'`) once `signal` has aborted,
 * after recording an `aborted` exchange for a request that was in flight.
 */
export function createHarnessClient(options: HarnessClientOptions): HarnessHttpClient {
  const { target, profile, partners, signal, now = Date.now, sleep = realSleep } = options;
  const pool = new Pool(target.origin, { connections: options.connections ?? 16 });
  const serverClock = createServerClock(now);
  const withSignal = signal ? { signal } : {};
  const timeoutMs = options.timeoutMs ?? 10_000;
  const undiciTransport = createUndiciTransport({
    origin: target.origin,
    dispatcher: pool,
    timeoutMs,
    maxResponseBytes: options.maxResponseBytes ?? 1024 * 1024,
    now,
    ...withSignal,
  });
  const stallBreaker = options.stallBreaker ?? 5;
  const transport = stallBreaker === false ? undiciTransport : withStallBreaker(undiciTransport, { origin: target.origin, consecutiveTimeouts: stallBreaker, timeoutMs, now });
  const recorder = withRecording(transport, options.onExchange);
  const signed = withSigning(withServerClock(recorder.dispatch, serverClock), {
    profile,
    primary: partners.primary,
    serverNowMs: serverClock.nowMs,
    crypto: options.crypto ?? nodeCrypto,
  });
  const paced =
    options.maxRps === undefined
      ? signed
      : withPacing(signed, createPacer({ requestsPerSecond: options.maxRps, burst: options.maxBurst ?? 1, now, sleep, ...withSignal }));
  const dispatch =
    options.retryOn429 === false
      ? paced
      : withRetryOn429(paced, { ...options.retryOn429, serverNowMs: serverClock.nowMs, sleep, ...withSignal });

  return {
    exchanges: recorder.exchanges,
    serverClock,
    async send(request) {
      throwIfRunAborted(signal);
      const exchange = await dispatch(prepareRequest(request, profile));
      if (exchange.error?.code === 'aborted' && signal?.aborted) throw runAbortedError(signal.reason);
      return exchange;
    },
    close: () => pool.close(),
  };
}
