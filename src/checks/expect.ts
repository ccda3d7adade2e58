/**
 * Assertions checks share. Each throws a contract violation (violation.ts)
 * carrying the exchange that shows it, so every failure can be reproduced.
 */
import { createdUserStatus, errorCodes, uuidPattern, type ErrorStatus } from '../contract/responses.js';
import type { Exchange } from '../http/exchange.js';
import { violation } from './violation.js';

/** How an exchange ended, in a few words: `201`, `401 unauthorized`, `no response (timeout)`. */
export function outcome(exchange: Exchange): string {
  if (!exchange.response) return `no response (${exchange.error?.code ?? 'unknown'}: ${exchange.error?.message ?? ''})`;
  const { status, json } = exchange.response;
  const code = json && typeof json === 'object' && typeof (json as { error?: unknown }).error === 'string' ? ` ${(json as { error: string }).error}` : '';
  return `${status}${code}`;
}

/** The response, or a violation when the target did not answer. */
export function responded(exchange: Exchange, context: string): NonNullable<Exchange['response']> {
  if (!exchange.response) {
    throw violation(`${context}: the target did not answer (${exchange.error?.code ?? 'no response'})`, {
      expected: 'an HTTP response',
      actual: outcome(exchange),
      exchanges: [exchange],
    });
  }
  return exchange.response;
}

/** The status is one of `expected`. */
export function expectStatus(exchange: Exchange, expected: number | readonly number[], context: string): number {
  const allowed = typeof expected === 'number' ? [expected] : expected;
  const { status } = responded(exchange, context);
  if (!allowed.includes(status)) {
    throw violation(`${context}: expected ${allowed.join(' or ')}, got ${outcome(exchange)}`, {
      expected: allowed.join(' or '),
      actual: outcome(exchange),
      exchanges: [exchange],
    });
  }
  return status;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const isJsonContentType = (value: string | undefined): boolean => value !== undefined && /^application\/json\s*(;|$)/i.test(value);

/**
 * The error envelope of contract §5: JSON, `error` matching the status,
 * non-empty `message` and `requestId`. Returns the parsed envelope.
 */
export function expectEnvelope(exchange: Exchange, status: ErrorStatus, context: string): Record<string, unknown> {
  expectStatus(exchange, status, context);
  const response = exchange.response!;
  const fail = (problem: string, expected: string): never => {
    throw violation(`${context}: the ${status} response ${problem}`, { expected, actual: outcome(exchange), exchanges: [exchange] });
  };
  if (!isJsonContentType(response.headers['content-type'])) fail(`has Content-Type ${response.headers['content-type'] ?? '(none)'}`, 'application/json');
  if (!isObject(response.json)) fail('body is not a JSON object', 'the error envelope {error, message, requestId}');
  const body = response.json as Record<string, unknown>;
  if (body.error !== errorCodes[status]) fail(`has error ${JSON.stringify(body.error)}`, `error "${errorCodes[status]}"`);
  if (typeof body.message !== 'string' || body.message.length === 0) fail('has no non-empty message', 'a non-empty message string');
  if (typeof body.requestId !== 'string' || body.requestId.length === 0) fail('has no non-empty requestId', 'a non-empty requestId string');
  return body;
}

/** The 201 body of contract §5 for `externalId`. Returns the userId. */
export function expectCreated(exchange: Exchange, externalId: string, context: string): string {
  expectStatus(exchange, 201, context);
  const response = exchange.response!;
  const fail = (problem: string, expected: string): never => {
    throw violation(`${context}: the 201 response ${problem}`, { expected, actual: outcome(exchange), exchanges: [exchange] });
  };
  if (!isJsonContentType(response.headers['content-type'])) fail(`has Content-Type ${response.headers['content-type'] ?? '(none)'}`, 'application/json');
  if (!isObject(response.json)) fail('body is not a JSON object', '{userId, externalId, status}');
  const body = response.json as Record<string, unknown>;
  if (typeof body.userId !== 'string' || !uuidPattern.test(body.userId)) fail(`has userId ${JSON.stringify(body.userId)}`, 'userId a UUID');
  if (body.externalId !== externalId) fail(`echoes externalId ${JSON.stringify(body.externalId)}`, `externalId ${JSON.stringify(externalId)}`);
  if (body.status !== createdUserStatus) fail(`has status ${JSON.stringify(body.status)}`, `status "${createdUserStatus}"`);
  return body.userId as string;
}

/** The `field` names in a 400 envelope's `fieldErrors` (empty when absent or malformed). */
export function fieldErrorNames(envelope: Record<string, unknown>): string[] {
  const { fieldErrors } = envelope;
  if (!Array.isArray(fieldErrors)) return [];
  return fieldErrors.flatMap((entry) => (isObject(entry) && typeof entry.field === 'string' ? [entry.field] : []));
}
