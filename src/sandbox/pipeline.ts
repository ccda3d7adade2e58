/**
 * The sandbox's request pipeline as data: the steps of contract §2 in their
 * order, and the hooks the steps call for the decisions inside them. Faults
 * (faults.ts) are functions from one pipeline to another that wrap or replace
 * a step or a hook, so no step knows that faults exist.
 */
import type { Profile } from '../contract/profile.js';
import type { FieldError } from '../contract/responses.js';
import type { CalendarDate } from '../contract/calendar.js';
import type { Exchange, Outcome } from './exchange.js';
import type { SandboxPartner } from './sandbox-partner.js';
import type { SignatureCheck, SignatureVerifier } from './signature-verifier.js';
import type { IdempotencySlot, Store } from './store.js';
import type { RateDecision, TokenBucketLimiter } from './token-bucket.js';

/** The steps, named as in contract §2 (`processingDelay` is the simulated work of `latencyMs`). */
export type StepName =
  | 'authenticate'
  | 'rateLimit'
  | 'idempotencyKeyFormat'
  | 'idempotencyLookup'
  | 'processingDelay'
  | 'body'
  | 'age'
  | 'uniqueExternalId'
  | 'create';

export type StepResult = Outcome | undefined;
/** A step answers with an outcome, or returns undefined to let the next step run. */
export type Step = (x: Exchange, p: Pipeline) => StepResult | Promise<StepResult>;

/** The error envelope before serialisation, contract §5. */
export interface EnvelopeDraft {
  error: string;
  message: string;
  requestId: string;
  fieldErrors?: FieldError[];
}

/** Decisions inside the steps. */
export interface Hooks {
  /** A fresh `requestId` for each non-replayed error (contract §5). */
  newRequestId(): string;
  /** The JSON object sent for an error (contract §5). */
  errorEnvelope(draft: EnvelopeDraft): object;
  /** Epoch ms of an `X-Request-Timestamp` value, or undefined when it is not an RFC 3339 date-time (contract §1). */
  parseTimestamp(value: string): number | undefined;
  /** Whether a parsed `X-Request-Timestamp` lies in the skew window (contract §1). */
  timestampInWindow(timestampMs: number, nowMs: number): boolean;
  /** Checks `X-Request-Signature` (contract §1). */
  verifySignature(x: Exchange, partner: SandboxPartner, presented: string): SignatureCheck;
  /** Takes a rate-limit token; undefined when the limiter is disabled (contract §6). */
  takeToken(apiKey: string, nowMs: number): RateDecision | undefined;
  /** Extra headers of a 429 (contract §6: `Retry-After`). */
  throttledHeaders(decision: RateDecision): { [name: string]: string };
  /** Whose idempotency keys an API key shares (contract §4: only its own). */
  idempotencyScope(apiKey: string): string;
  /** The request's fingerprint (contract §4). */
  fingerprint(x: Exchange): string;
  fingerprintsMatch(stored: string, presented: string): boolean;
  /** Marks a key in flight; false when it already is (contract §4). */
  claimInFlight(slot: IdempotencySlot): boolean;
  releaseInFlight(slot: IdempotencySlot): void;
  /** Every invalid field of the body (contract §3). */
  fieldErrors(user: { readonly [field: string]: unknown }, today: CalendarDate): FieldError[];
}

/** What the steps work with. */
export interface SandboxEnv {
  readonly profile: Profile;
  /** The profile's header names in lower case, as Node presents them. */
  readonly headerKeys: { readonly apiKey: string; readonly timestamp: string; readonly signature: string; readonly idempotencyKey: string };
  readonly store: Store;
  readonly partners: ReadonlyMap<string, SandboxPartner>;
  /** Undefined when rate limiting is disabled. */
  readonly limiter: TokenBucketLimiter | undefined;
  /** The `RateLimit-Policy` value, when limiting. */
  readonly rateLimitPolicy: string | undefined;
  readonly verifier: SignatureVerifier;
  readonly latencyMs: number;
  readonly debugSignatures: boolean;
  readonly log: (line: string) => void;
}

export interface Pipeline {
  readonly order: readonly StepName[];
  readonly steps: { readonly [S in StepName]: Step };
  readonly hooks: Hooks;
  readonly env: SandboxEnv;
}
