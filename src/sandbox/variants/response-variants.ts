/**
 * Variants of contract §5: the shape of answers where the contract leaves
 * room (key order, whitespace, message wording, requestId format, extra
 * headers, a charset parameter on the content type).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { uuidPattern, type FieldError } from '../../contract/responses.js';
import { withHooks } from '../faults/fault.js';
import type { Outcome } from '../exchange.js';
import { withOutcomes, withResponseHeaders, type Variant } from './variant.js';

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Object keys in descending order, at every depth: another order than the sandbox's, and the same however often applied. */
function descendingKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(descendingKeys);
  if (!isObject(value)) return value;
  return Object.fromEntries(Object.keys(value).sort().reverse().map((key) => [key, descendingKeys(value[key])]));
}

/** `outcome` with its JSON body re-serialised by `serialise` (a body that is not JSON is left alone). */
function reserialised(outcome: Outcome, serialise: (json: unknown) => string): Outcome {
  let json: unknown;
  try {
    json = JSON.parse(outcome.body);
  } catch {
    return outcome;
  }
  return { ...outcome, body: serialise(json) };
}

/** Other wording for every error, keyed by the contract's error code. */
const otherMessages: { readonly [code: string]: string } = {
  bad_request: 'The request could not be processed because it is invalid.',
  unauthorized: 'Authentication failed.',
  conflict: 'Conflict: the resource already exists or is being created.',
  unprocessable_entity: 'The request was understood but cannot be processed.',
  too_many_requests: 'Slow down: too many requests.',
  internal_error: 'Something went wrong on our side.',
};

const crockford = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A ULID-like id: 10 characters of epoch ms and 16 random ones, Crockford base32 (26 in all). */
function ulidLike(nowMs = Date.now()): string {
  let time = '';
  for (let n = nowMs, i = 0; i < 10; i++, n = Math.floor(n / 32)) time = crockford[n % 32]! + time;
  const random = [...randomBytes(16)].map((byte) => crockford[byte % 32]).join('');
  return time + random;
}

export const responseVariants: readonly Variant[] = [
  {
    name: 'pretty-printed-json',
    section: '§5',
    description: 'every JSON answer is indented by two spaces and ends with a newline',
    apply: (p) => withOutcomes(p, (outcome) => reserialised(outcome, (json) => `${JSON.stringify(json, null, 2)}\n`)),
  },
  {
    name: 'other-key-order',
    section: '§5',
    description: 'JSON keys come in another order (requestId, message, fieldErrors, error; userId, status, externalId; message before field)',
    apply: (p) => withOutcomes(p, (outcome) => reserialised(outcome, (json) => JSON.stringify(descendingKeys(json)))),
  },
  {
    name: 'other-messages',
    section: '§5',
    description: 'error messages and fieldErrors messages are worded differently from the seed page',
    apply: (p) =>
      withHooks(p, (h) => ({
        errorEnvelope: (draft) =>
          h.errorEnvelope({
            ...draft,
            message: otherMessages[draft.error] ?? `Request failed (${draft.error}).`,
            ...(draft.fieldErrors && { fieldErrors: draft.fieldErrors.map((e): FieldError => ({ field: e.field, message: `Invalid value for ${e.field}.` })) }),
          }),
      })),
  },
  {
    name: 'request-id-uuid',
    section: '§5',
    description: 'requestId is a plain UUID (no req- prefix)',
    apply: (p) => withHooks(p, () => ({ newRequestId: () => randomUUID() })),
  },
  {
    name: 'request-id-ulid',
    section: '§5',
    description: 'requestId is a ULID-like 26-character Crockford base32 id',
    apply: (p) => withHooks(p, () => ({ newRequestId: () => ulidLike() })),
  },
  {
    name: 'extra-response-headers',
    section: '§5',
    description: 'answers carry headers the contract does not name (Cache-Control, X-Request-Id, Server-Timing, the Idempotency-Key echoed, …)',
    apply: (p) =>
      withResponseHeaders(p, (x) => {
        const key = x.headers[p.env.headerKeys.idempotencyKey];
        return {
          'Cache-Control': 'no-store',
          'X-Content-Type-Options': 'nosniff',
          'Strict-Transport-Security': 'max-age=31536000; includeSubDomains',
          'X-Request-Id': randomUUID(),
          'Server-Timing': 'app;dur=1',
          Vary: 'Accept-Encoding',
          'X-Powered-By': 'boca-sandbox',
          // Echoed only when well-formed: a response header must not carry whatever the client sent.
          ...(typeof key === 'string' && uuidPattern.test(key) && { [p.env.profile.headers.idempotencyKey]: key }),
        };
      }),
  },
  {
    name: 'json-charset-response',
    section: '§5',
    description: 'answers are sent as application/json; charset=utf-8',
    apply: (p) => withResponseHeaders(p, () => ({ 'Content-Type': 'application/json; charset=utf-8' })),
  },
];
