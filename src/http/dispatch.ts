/**
 * The shapes the client's layers pass along (undici interceptor style): each
 * cross-cutting behaviour (retry on 429, pacing, signing, the server clock,
 * recording) is a small function wrapping the next `Dispatch`, composed in
 * one place, `createHarnessClient`.
 */
import type { SignSpec } from '../checks/check-context.js';
import type { Exchange } from './exchange.js';

/** Sends one request and resolves with its exchange; never rejects for HTTP statuses or transport errors. */
export type Dispatch<R> = (request: R) => Promise<Exchange>;

/** A request with its body serialised once, before signing. */
export interface PreparedRequest {
  readonly method: string;
  /** The request-target, sent verbatim. */
  readonly path: string;
  /** The exact body bytes to send and sign, or undefined for none. */
  readonly body?: Uint8Array;
  /** Headers the client adds (Content-Type, Content-Length, Idempotency-Key), in order. */
  readonly headers: Readonly<Record<string, string>>;
  /** The check's own headers, applied last; `null` removes a header (case-insensitive). */
  readonly headerOverrides: Readonly<Record<string, string | null>>;
  readonly sign: false | SignSpec;
  /** Whether the request waits for a slot of the pacer. */
  readonly pace: boolean;
  /** Whether an unexpected 429 is retried. */
  readonly retryOn429: boolean;
  /** 1 for the first attempt; set by the retry layer. */
  readonly attempt: number;
}

/** A request exactly as it goes on the wire. */
export interface WireRequest {
  readonly method: string;
  readonly path: string;
  /** Final headers, names as sent. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: Uint8Array;
  /** What was signed, when the client signed. */
  readonly canonicalString?: string;
  /** Set when the client signed exactly what was sent with its own timestamp (see Exchange.signedBy). */
  readonly signedBy?: string;
  readonly attempt: number;
}

/** An exchange before the recorder gives it its id. */
export type ExchangeDraft = Omit<Exchange, 'id'>;

/** The innermost layer: puts a `WireRequest` on the wire. */
export type Transport = (request: WireRequest) => Promise<ExchangeDraft>;
