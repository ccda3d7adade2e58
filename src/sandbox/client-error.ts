/**
 * Answers requests Node's HTTP parser rejects before the handler sees them
 * (invalid header values, oversized headers, a client too slow to send its
 * request) with the contract's JSON envelope instead of a bare status line,
 * then closes the connection. Contract §5: never a 5xx, never a hang.
 */
import { randomUUID } from 'node:crypto';
import type { Socket } from 'node:net';

const answers: { readonly [code: string]: readonly [number, string, string, string] } = {
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'Request Timeout', 'request_timeout', 'The request was not received in time'],
  ERR_HTTP_HEADERS_TIMEOUT: [408, 'Request Timeout', 'request_timeout', 'The request headers were not received in time'],
  HPE_HEADER_OVERFLOW: [431, 'Request Header Fields Too Large', 'bad_request', 'The request headers are too large'],
};
const badRequest = [400, 'Bad Request', 'bad_request', 'The request is not valid HTTP/1.1'] as const;

/** The `clientError` listener of the sandbox's server. `responding` says whether the handler already started a response. */
export function answerClientError(error: Error & { code?: string }, socket: Socket, responding: boolean): void {
  if (error.code === 'ECONNRESET' || !socket.writable || responding) {
    socket.destroy();
    return;
  }
  const [status, reason, code, message] = answers[error.code ?? ''] ?? badRequest;
  const body = JSON.stringify({ error: code, message, requestId: `req-${randomUUID()}` });
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}
