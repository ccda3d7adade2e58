/** Classifies what undici or Node threw into the exchange's `TransportErrorCode`. */
import type { TransportErrorCode } from './exchange.js';

const codeByErrorCode: Readonly<Record<string, TransportErrorCode>> = {
  ECONNREFUSED: 'connection-refused',
  ECONNRESET: 'connection-reset',
  EPIPE: 'connection-reset',
  UND_ERR_SOCKET: 'connection-reset',
  ETIMEDOUT: 'timeout',
  UND_ERR_CONNECT_TIMEOUT: 'timeout',
  UND_ERR_HEADERS_TIMEOUT: 'timeout',
  UND_ERR_BODY_TIMEOUT: 'timeout',
  UND_ERR_ABORTED: 'aborted',
  ABORT_ERR: 'aborted',
  UND_ERR_RES_CONTENT_LENGTH_MISMATCH: 'invalid-response',
  UND_ERR_RES_EXCEEDED_MAX_SIZE: 'invalid-response',
  UND_ERR_INFO: 'invalid-response',
};

function* errorChain(error: unknown, depth = 0): Generator<{ code?: unknown; name?: unknown }> {
  if (typeof error !== 'object' || error === null || depth > 5) return;
  yield error as { code?: unknown; name?: unknown };
  yield* errorChain((error as { cause?: unknown }).cause, depth + 1);
  // Happy-eyeballs connects fail with an AggregateError of per-address errors.
  const inner = (error as { errors?: unknown }).errors;
  if (Array.isArray(inner)) for (const e of inner) yield* errorChain(e, depth + 1);
}

/** The transport error code for `error`, by its code or name (never `instanceof`); `other` when unknown. */
export function transportErrorCode(error: unknown): TransportErrorCode {
  for (const e of errorChain(error)) {
    if (typeof e.code === 'string') {
      if (e.code.startsWith('HPE_')) return 'invalid-response';
      const code = codeByErrorCode[e.code];
      if (code) return code;
    }
    if (e.name === 'HTTPParserError') return 'invalid-response';
    if (e.name === 'AbortError') return 'aborted';
  }
  return 'other';
}
