/** What a check gets to work with: the target, the profile, a signing client and the run's clocks. */
import type { CalendarDate } from '../contract/calendar.js';
import type { Profile } from '../contract/profile.js';
import type { Exchange } from '../http/exchange.js';
import type { Credentials } from '../signing/sign-request.js';

/** A request as a check describes it; the client fills in, signs and sends it. */
export interface OutgoingRequest {
  /** Default: the profile's endpoint method (POST). */
  readonly method?: string;
  /** Request-target; default the profile's endpoint path (/v1/users). */
  readonly path?: string;
  /** Exact body bytes to send; takes precedence over `json`. */
  readonly body?: string | Uint8Array;
  /** A value sent as compact JSON (JSON.stringify). */
  readonly json?: unknown;
  /** Content-Type; default `application/json` when there is a body; `null` sends none. */
  readonly contentType?: string | null;
  readonly idempotencyKey?: string;
  /** Extra headers; `null` removes a header the client would add (e.g. the signature). */
  readonly headers?: Readonly<Record<string, string | null>>;
  /** Signing; `false` sends no signature headers at all (not even the key). */
  readonly sign?: false | SignSpec;
  /** `false`: return a 429 as it is, without the client's retry-on-429 (to check the 429 itself). */
  /** `false`: send at once, bypassing `--max-rps` pacing (rate-limit checks exceed the limit on purpose). */
  readonly pace?: false;
  readonly retryOn429?: false;
}

export interface SignSpec {
  /** Whose key and secret; default the primary partner. */
  readonly credentials?: Credentials;
  /** The X-Request-Timestamp to send; default the server's now. */
  readonly timestamp?: string;
  /**
   * Sign other values than those sent: a valid signature that is then
   * tampered with (one byte of the body, the method, the path, the timestamp).
   */
  readonly signedOver?: { readonly method?: string; readonly path?: string; readonly timestamp?: string; readonly body?: string | Uint8Array };
}

export interface HarnessClient {
  /** Signs (unless told not to), sends and records one request. Never throws for HTTP statuses. */
  send(request: OutgoingRequest): Promise<Exchange>;
}

export interface CheckContext {
  readonly target: URL;
  readonly profile: Profile;
  readonly client: HarnessClient;
  readonly partners: { readonly primary: Credentials; readonly secondary?: Credentials };
  /** The server's clock (from its `Date` header), epoch ms. */
  serverNowMs(): number;
  /** The server's date in UTC: "today" for age and dateOfBirth rules. */
  serverToday(): CalendarDate;
  /** A fresh externalId, unique across runs (run id + counter). */
  uniqueExternalId(): string;
  /** Every exchange of the run so far (for run-wide checks such as the error envelope). */
  recordedExchanges(): readonly Exchange[];
  /** A rate limit the user declared (`--rate-limit`), if any. */
  readonly declaredRateLimit?: { readonly requestsPerSecond: number; readonly burst?: number };
  readonly signal: AbortSignal;
}
