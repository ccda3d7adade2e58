/** What the engine needs of an HTTP client: send one planned request, get the response or a transport error code. */
import type { PlannedRequest } from '../scenario-definition.js';

export type TransportOutcome =
  | { readonly status: number; readonly headers: Readonly<Record<string, string>>; readonly body: string }
  | { readonly error: string };

export interface Transport {
  /** Sends the exact bytes of `request.body`; never rejects (errors are outcomes). */
  send(request: PlannedRequest, signal: AbortSignal): Promise<TransportOutcome>;
  close(): Promise<void>;
  /** Connects up to `connections` sockets ahead of the first request; returns within a few seconds, or when `signal` aborts (optional: in-memory transports have none). */
  open?(connections: number, signal?: AbortSignal): Promise<void>;
}
