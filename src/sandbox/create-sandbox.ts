/** The sandbox as a request handler over a store: the default profile of contract.md, faults applied. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { defaultProfile, type Profile } from '../contract/profile.js';
import { usageError } from '../errors.js';
import { createDefaultPipeline } from './default-pipeline.js';
import { errorOutcome } from './error-outcome.js';
import type { Exchange } from './exchange.js';
import { applyFaults, resolveFaults, type Fault } from './faults/index.js';
import { createMemoryStore } from './memory-store.js';
import type { SandboxEnv } from './pipeline.js';
import { rateLimitPolicy } from './rate-limit-headers.js';
import { readBody } from './read-body.js';
import { runPipeline } from './run-pipeline.js';
import { defaultSandboxPartners, type SandboxPartner } from './sandbox-partner.js';
import type { SandboxOptions } from './sandbox-options.js';
import { createSignatureVerifier } from './signature-verifier.js';
import { createSqliteStore } from './sqlite-store.js';
import type { Store } from './store.js';
import { createTokenBucketLimiter, type RateLimitSettings } from './token-bucket.js';
import { applyVariants, resolveVariants, type Variant } from './variants/index.js';
import { writeOutcome } from './write-outcome.js';

export interface Sandbox {
  /** Handles one request of node:http (`http.createServer(sandbox.handler)`). Never throws, never leaves a request unanswered. */
  readonly handler: (req: IncomingMessage, res: ServerResponse) => void;
  readonly store: Store;
  readonly profile: Profile;
  readonly partners: readonly SandboxPartner[];
  readonly faults: readonly Fault[];
  /** The variants switched on (legitimate MAY behaviours), in catalogue order. */
  readonly variants: readonly Variant[];
  /** The effective rate limit, undefined when disabled (contract §6). */
  readonly rateLimit: RateLimitSettings | undefined;
  /** Closes the store. */
  close(): void;
}

/** Bodies past this many bytes are not even hashed (read-body.ts explains why). */
export const hardCapBytes = (profile: Profile): number => Math.max(4 * profile.maxBodyBytes, 1 << 20);

function effectiveRateLimit(profile: Profile, override: SandboxOptions['rateLimit']): RateLimitSettings | undefined {
  if (override === false) return undefined;
  const settings = {
    requestsPerSecond: override?.requestsPerSecond ?? profile.rateLimit.requestsPerSecond,
    burst: override?.burst ?? profile.rateLimit.burst,
  };
  if (!(settings.requestsPerSecond > 0) || !Number.isFinite(settings.requestsPerSecond)) {
    throw usageError('BOCA_USAGE', `The rate limit must be a positive number of requests per second, got ${settings.requestsPerSecond}`);
  }
  if (!Number.isInteger(settings.burst) || settings.burst < 1) {
    throw usageError('BOCA_USAGE', `The burst must be a whole number of requests ≥ 1, got ${settings.burst}`);
  }
  return settings;
}

function partnerMap(partners: readonly SandboxPartner[]): Map<string, SandboxPartner> {
  if (partners.length === 0) throw usageError('BOCA_USAGE', 'The sandbox needs at least one partner (API key and secret)');
  const map = new Map<string, SandboxPartner>();
  for (const partner of partners) {
    if (!partner.apiKey || !partner.secret) throw usageError('BOCA_CREDENTIALS', 'Every sandbox partner needs a non-empty API key and secret');
    if (map.has(partner.apiKey)) throw usageError('BOCA_CREDENTIALS', `Two sandbox partners share the API key ${partner.apiKey}`);
    map.set(partner.apiKey, partner);
  }
  return map;
}

/**
 * Builds the sandbox: the pipeline of contract §2 with the chosen faults, a
 * memory or SQLite store, the per-key rate limiter, and the chosen variants.
 * Throws a usage error for unknown faults or variants, bad rate limits or bad partners.
 */
export function createSandbox(options: SandboxOptions = {}): Sandbox {
  const profile = options.profile ?? defaultProfile;
  const partners = options.partners ?? defaultSandboxPartners;
  const faults = resolveFaults(options.faults ?? []);
  const variants = resolveVariants(options.variants ?? []);
  const rateLimit = effectiveRateLimit(profile, options.rateLimit);
  const partnersByKey = partnerMap(partners);
  const now = options.now ?? Date.now;
  const customClock = options.now !== undefined;
  const store = options.dbPath === undefined ? createMemoryStore() : createSqliteStore(options.dbPath);
  const lower = (name: string) => name.toLowerCase();

  const env: SandboxEnv = {
    profile,
    headerKeys: {
      apiKey: lower(profile.headers.apiKey),
      timestamp: lower(profile.headers.timestamp),
      signature: lower(profile.headers.signature),
      idempotencyKey: lower(profile.headers.idempotencyKey),
    },
    store,
    partners: partnersByKey,
    limiter: rateLimit && createTokenBucketLimiter(rateLimit),
    rateLimitPolicy: rateLimit && rateLimitPolicy(rateLimit),
    verifier: createSignatureVerifier(profile.signing, partners),
    latencyMs: options.latencyMs ?? 0,
    debugSignatures: options.debugSignatures ?? false,
    log: options.log ?? (() => {}),
  };
  const pipeline = applyFaults(applyVariants(createDefaultPipeline(env), variants), faults);
  const limits = { maxBodyBytes: profile.maxBodyBytes, hardCapBytes: hardCapBytes(profile) };
  const endpointMethod = profile.endpoint.method.toUpperCase();
  const endpointPath = profile.endpoint.path;

  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    const nowMs = now();
    const date = customClock ? new Date(nowMs).toUTCString() : undefined;
    const target = req.url ?? '/';
    const query = target.indexOf('?');
    const path = query === -1 ? target : target.slice(0, query);
    // Only the endpoint exists; these two answers are not in the contract, but keep its envelope.
    if (path !== endpointPath) {
      writeOutcome(res, errorOutcome(pipeline, 404, `No route for ${path}; the sandbox serves ${endpointMethod} ${endpointPath}`, undefined, 'not_found'), undefined, date);
      return;
    }
    if (req.method !== endpointMethod) {
      const outcome = errorOutcome(pipeline, 405, `${path} accepts ${endpointMethod} only`, undefined, 'method_not_allowed');
      writeOutcome(res, { ...outcome, headers: { Allow: endpointMethod } }, undefined, date);
      return;
    }
    readBody(req, limits).then(
      (body) => {
        if (body.overHardCap) {
          const outcome = errorOutcome(pipeline, 400, `Request body exceeds ${profile.maxBodyBytes} bytes`);
          writeOutcome(res, { ...outcome, closeConnection: true }, undefined, date);
          return;
        }
        const x: Exchange = { method: req.method ?? '', target, headers: req.headers, body, nowMs, responseHeaders: {} };
        return runPipeline(pipeline, x).then((outcome) => writeOutcome(res, outcome, x.responseHeaders, date));
      },
      // The client went away before its body was complete: nobody is left to answer.
      () => res.destroy(),
    ).catch((error: unknown) => {
      // Only writing the answer can get here (runPipeline never rejects); never crash the server for it.
      env.log(`could not answer ${req.method} ${target}: ${(error as Error)?.message ?? String(error)}`);
      res.destroy();
    });
  };

  return { handler, store, profile, partners, faults, variants, rateLimit, close: () => store.close() };
}
