/**
 * An exchange: one request the harness sent and what came back. Every
 * request is recorded as an exchange; failures, reports and replays are
 * built from them. An exchange never holds a secret (only the signature).
 */

export interface RecordedRequest {
  readonly method: string;
  /** Absolute URL. */
  readonly url: string;
  /** The request-target as sent (path plus `?query`). */
  readonly path: string;
  /** Header names as sent; values verbatim. */
  readonly headers: Readonly<Record<string, string>>;
  /** The exact body text sent (UTF-8), or undefined when there was none. */
  readonly body?: string;
  /**
   * The exact body bytes in base64, present only when they are not valid
   * UTF-8 (a tampered byte): `body` then holds a lossy decoding.
   */
  readonly bodyBase64?: string;
}

export interface RecordedResponse {
  readonly status: number;
  /** Lower-case header names. */
  readonly headers: Readonly<Record<string, string>>;
  /** The body text (cut at the client's recording limit, see `bodyTruncated`). */
  readonly body: string;
  readonly bodyTruncated?: boolean;
  /** The parsed JSON body, when the body parsed as JSON. */
  readonly json?: unknown;
}

/** Why no response was recorded. */
export type TransportErrorCode = 'timeout' | 'connection-refused' | 'connection-reset' | 'aborted' | 'invalid-response' | 'other';

export interface Exchange {
  /** Sequential within a run: `e42`. */
  readonly id: string;
  readonly request: RecordedRequest;
  readonly response?: RecordedResponse;
  readonly error?: {
    readonly code: TransportErrorCode;
    readonly message: string;
    /** The response's status when its status line and headers arrived before the body broke (stalled, cut off). */
    readonly status?: number;
  };
  /** Epoch ms when the request was sent. */
  readonly sentAtMs: number;
  /** From sending to the end of the response body, ms. */
  readonly durationMs: number;
  /** The canonical string that was signed, when the harness signed the request (never the secret). */
  readonly canonicalString?: string;
  /**
   * The API key whose secret signed this request, set only when the client
   * signed exactly what was sent with its own fresh timestamp: a
   * reproduction may then re-sign it with a new timestamp without changing
   * what it shows. Tampered, skewed or unsigned requests are reproduced as sent.
   */
  readonly signedBy?: string;
  /** 1 for a first attempt; 2.. when the client retried after a 429. */
  readonly attempt: number;
}
