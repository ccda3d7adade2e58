/** One request as the pipeline sees it, and the outcome a step may answer with. */
import type { IncomingHttpHeaders } from 'node:http';
import type { ReceivedBody } from './read-body.js';
import type { SandboxPartner } from './sandbox-partner.js';
import type { IdempotencySlot } from './store.js';

/** An Idempotency-Key this request holds while it is in flight (contract §4). */
export interface Claim {
  readonly slot: IdempotencySlot;
  readonly fingerprint: string;
}

/** The request under evaluation. Steps fill in what they learn. */
export interface Exchange {
  readonly method: string;
  /** The request-target as received. */
  readonly target: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: ReceivedBody;
  /** The sandbox clock when the request was received, epoch ms. */
  readonly nowMs: number;
  /** Set by `authenticate`. */
  partner?: SandboxPartner;
  /** Set by `idempotencyKeyFormat` when the header is present. */
  idempotencyKey?: string;
  /** Set by `idempotencyLookup` when this request claimed its key. */
  claim?: Claim;
  /** The parsed body and its text, set by `body`. */
  user?: { readonly [field: string]: unknown };
  bodyText?: string;
  /** Headers every answer to this request carries (rate-limit headers). */
  readonly responseHeaders: { [name: string]: string };
}

/** An answer. `body` is the serialised JSON, sent as is. */
export interface Outcome {
  readonly status: number;
  readonly body: string;
  readonly headers?: { readonly [name: string]: string };
  /** A stored result replayed (contract §4): sent with `Idempotent-Replayed: true`. */
  readonly replayed?: boolean;
  /** Close the connection after answering (body over the hard cap). */
  readonly closeConnection?: boolean;
}
