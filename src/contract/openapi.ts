/**
 * The OpenAPI 3.1 document of POST /v1/users, generated from the contract
 * module so that a profile change (a window, a field length, a header name)
 * changes the document too. Committed as contract/partner-api.openapi.json.
 * Pure and runtime-neutral.
 *
 * X-Api-Key is described as an `apiKey` security scheme (the seed page shows
 * it as one), so tools offer it as the credential; the timestamp and signature
 * are required header parameters, Idempotency-Key an optional one.
 */
import { evaluationOrder } from './evaluation-order.js';
import { fieldNames, type FieldRule, type FieldRules } from './field-rules.js';
import { defaultProfile, type Profile, type SigningProfile } from './profile.js';
import { createdUserStatus, documentedStatuses, errorCodes, seedMessages, statusMeanings, storedStatuses, uuidPattern, type ErrorStatus } from './responses.js';

/** A JSON Schema (draft 2020-12, the dialect of OpenAPI 3.1). */
export type JsonSchema = { readonly [keyword: string]: unknown };

/** An OpenAPI 3.1 document. */
export interface OpenApiDocument {
  readonly openapi: '3.1.0';
  readonly info: { readonly title: string; readonly version: string; readonly description: string };
  readonly servers: readonly { readonly url: string; readonly description: string }[];
  readonly paths: { readonly [path: string]: unknown };
  readonly components: {
    readonly securitySchemes: { readonly [name: string]: unknown };
    readonly schemas: { readonly [name: string]: JsonSchema };
    readonly headers: { readonly [name: string]: unknown };
  };
  readonly security: readonly { readonly [scheme: string]: readonly string[] }[];
}

const ref = (kind: 'schemas' | 'headers', name: string) => ({ $ref: `#/components/${kind}/${name}` });

function fieldSchema(rule: FieldRule): JsonSchema {
  switch (rule.kind) {
    case 'boolean':
      return { type: 'boolean', description: 'A JSON boolean; "false", 0 and null are invalid.' };
    case 'enum':
      return { type: 'string', enum: [...rule.values] };
    case 'date': {
      const latest = rule.notAfterToday ? ', not after today (UTC)' : '';
      return { type: 'string', format: 'date', description: `YYYY-MM-DD, a real calendar date, not before ${rule.minDate}${latest}.` };
    }
    case 'string': {
      const notes = [
        'Lengths count Unicode code points',
        rule.trim ? 'measured after trimming surrounding white space' : '',
        rule.format === 'personName' ? "Unicode letters (with combining marks), spaces, ' and -; no control characters" : '',
        rule.format === 'email' ? 'WHATWG e-mail syntax, local part of at most 64 characters, a dot in the domain' : '',
        rule.nullable ? 'null means absent' : '',
      ].filter(Boolean);
      return {
        type: rule.nullable ? ['string', 'null'] : 'string',
        minLength: rule.minLength,
        maxLength: rule.maxLength,
        ...(rule.pattern !== undefined && { pattern: rule.pattern }),
        ...(rule.format === 'email' && { format: 'email' }),
        description: `${notes.join('; ')}.`,
      };
    }
  }
}

/** The create-user body as a JSON Schema, from the profile's field rules (contract §3). Unknown properties are allowed (ignored). */
export function userBodySchema(fields: FieldRules): JsonSchema {
  return {
    type: 'object',
    required: fieldNames.filter((name) => fields[name].required),
    properties: Object.fromEntries(fieldNames.map((name) => [name, fieldSchema(fields[name])])),
  };
}

const escapeRegExp = (text: string): string => text.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');

/** The pattern of a signature header value: the prefix, then 32 HMAC bytes as lowercase hex or padded base64 (contract §1). */
export function signaturePattern(signing: Pick<SigningProfile, 'signatureEncoding' | 'signaturePrefix'>): string {
  const encoded = signing.signatureEncoding === 'hex' ? '[0-9a-f]{64}' : '[A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]=';
  return `^${escapeRegExp(signing.signaturePrefix)}${encoded}$`;
}

const errorSchemaNames: { readonly [S in ErrorStatus]: string } = {
  400: 'BadRequestError',
  401: 'UnauthorizedError',
  409: 'ConflictError',
  422: 'UnprocessableEntityError',
  429: 'TooManyRequestsError',
  500: 'InternalError',
};
const errorStatuses = Object.keys(errorCodes).map(Number) as ErrorStatus[];

function schemas(profile: Profile): OpenApiDocument['components']['schemas'] {
  const errors = Object.fromEntries(
    errorStatuses.map((status) => [
      errorSchemaNames[status],
      { allOf: [ref('schemas', 'ErrorEnvelope'), { properties: { error: { const: errorCodes[status] } } }], description: `${status}: ${statusMeanings[status]}.` },
    ]),
  );
  return {
    CreateUserRequest: userBodySchema(profile.fields),
    CreatedUser: {
      type: 'object',
      required: ['userId', 'externalId', 'status'],
      properties: {
        userId: { type: 'string', format: 'uuid' },
        externalId: { type: 'string', description: 'As sent.' },
        status: { const: createdUserStatus },
      },
    },
    FieldError: {
      type: 'object',
      required: ['field', 'message'],
      properties: { field: { type: 'string', description: 'The JSON property name, or the header name for Idempotency-Key.' }, message: { type: 'string' } },
    },
    ErrorEnvelope: {
      type: 'object',
      required: ['error', 'message', 'requestId'],
      properties: {
        error: { type: 'string', enum: Object.values(errorCodes) },
        message: { type: 'string', minLength: 1 },
        requestId: { type: 'string', minLength: 1, description: 'Fresh for every response that is not a replay.' },
        fieldErrors: { type: 'array', minItems: 1, items: ref('schemas', 'FieldError'), description: 'On 400 for field errors: one entry per invalid field, all of them.' },
      },
    },
    ...errors,
  };
}

const httpDate = '^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), [0-9]{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [0-9]{4} [0-9]{2}:[0-9]{2}:[0-9]{2} GMT$';

const headers: OpenApiDocument['components']['headers'] = {
  'Retry-After': {
    required: true,
    description: 'Seconds to wait (a non-negative integer) or an HTTP-date; waiting it is enough for the next request not to be throttled (contract §6).',
    schema: { anyOf: [{ type: 'integer', minimum: 0 }, { type: 'string', pattern: httpDate }] },
  },
  'RateLimit-Policy': { description: 'IETF draft RateLimit-Policy; when present, coherent with the limit (contract §6).', schema: { type: 'string' } },
  RateLimit: { description: 'IETF draft RateLimit; when present, coherent with what happens (contract §6).', schema: { type: 'string' } },
  'X-RateLimit-Limit': { description: 'Requests allowed in the window (contract §6).', schema: { type: 'integer', minimum: 0 } },
  'X-RateLimit-Remaining': { description: 'Requests left in the window (contract §6).', schema: { type: 'integer', minimum: 0 } },
  'X-RateLimit-Reset': { description: 'When the window resets (contract §6).', schema: { type: 'integer', minimum: 0 } },
  'Idempotent-Replayed': { description: 'MAY be `true` on a replayed stored result (contract §4).', schema: { type: 'string', enum: ['true'] } },
};

const rateLimitHeaders = ['RateLimit-Policy', 'RateLimit', 'X-RateLimit-Limit', 'X-RateLimit-Remaining', 'X-RateLimit-Reset'];
const seedRequestId = 'req-a1b2c3d4-e5f6-7890-abcd-ef1234567890';

function response(status: 201 | ErrorStatus): JsonSchema {
  const names = [...(status === 401 || status === 500 ? [] : rateLimitHeaders), ...(status === 429 ? ['Retry-After'] : [])];
  if (storedStatuses.includes(status)) names.push('Idempotent-Replayed');
  const responseHeaders = Object.fromEntries(names.map((name) => [name, ref('headers', name)]));
  const schema = status === 201 ? ref('schemas', 'CreatedUser') : ref('schemas', errorSchemaNames[status]);
  const example =
    status === 201
      ? { userId: '550e8400-e29b-41d4-a716-446655440000', externalId: 'partner-user-42', status: createdUserStatus }
      : { error: errorCodes[status], message: seedMessages[status], requestId: seedRequestId };
  return {
    description: statusMeanings[status],
    ...(names.length > 0 && { headers: responseHeaders }),
    content: { 'application/json': { schema, example } },
  };
}

const seedExampleBody = {
  externalId: 'partner-user-42',
  email: 'jane.doe@example.com',
  firstName: 'Jane',
  lastName: 'Doe',
  dateOfBirth: '1990-05-15',
  addressLine1: '123 Main St',
  addressLine2: 'Suite 400',
  city: 'Toronto',
  postalCode: 'M5V 2T6',
  province: 'ON',
  country: 'CA',
  occupation: 'Software Engineer',
  isCiroAffiliate: false,
};

const ttlText = (seconds: number): string => (seconds % 3600 === 0 ? `${seconds / 3600} h` : `${seconds} s`);

function description(profile: Profile): string {
  const { clockSkew, signing, idempotency, rateLimit, headers: names } = profile;
  return [
    'Generated from the contract module of boca-harness (contract.md, the default profile, with any profile overrides applied).',
    '',
    `**Authentication (contract §1).** Every request carries \`${names.apiKey}\`, \`${names.timestamp}\` (RFC 3339 date-time with \`Z\` or a numeric offset) and \`${names.signature}\`. ` +
      `The timestamp must lie within ±${clockSkew.windowSeconds} s of the server's clock, past and future alike. ` +
      `The signature is HMAC-SHA256, keyed with the partner's secret (${signing.secretEncoding}), over the canonical string, written as ${signing.signatureEncoding === 'hex' ? 'lowercase hex' : 'base64'}` +
      `${signing.signaturePrefix ? ` after the prefix \`${signing.signaturePrefix}\`` : ''}. Canonical string template (lines joined by \\n, no trailing newline):`,
    '',
    '```',
    signing.template,
    '```',
    '',
    'BODY_SHA256 is the lowercase hex SHA-256 of the exact body bytes sent; PATH is the request-target as sent, with any query.',
    '',
    '**Order of evaluation (contract §2).** The first failing step answers; a rejected request creates no user.',
    '',
    ...evaluationOrder.map((step, i) => {
      const text = step.step === 'idempotencyLookup' ? `replay the stored result, ${idempotency.mismatchStatus} for another body, 409 while in flight` : step.description;
      return `${i + 1}. ${step.step}: ${text}`;
    }),
    '',
    `**Body (contract §3).** A JSON object sent as application/json (charset allowed), at most ${profile.maxBodyBytes} bytes; unknown properties are ignored; every invalid field gets its own fieldErrors entry. ` +
      `The user must be at least ${profile.age.minimumYears} years old today (UTC), otherwise 422. externalId is unique per API key (409).` +
      (profile.postalCodeProvinceCheck ? ' The postal code must belong to the province.' : ''),
    '',
    `**Idempotency (contract §4).** \`${names.idempotencyKey}\` is optional, a UUID. A result is stored for ${ttlText(idempotency.ttlSeconds)} per API key; fingerprint: SHA-256 of the ${idempotency.fingerprint === 'bytes' ? 'body bytes' : 'canonical JSON of the body'}. ` +
      `Same key and body: the stored result (${storedStatuses.join(', ')}) is replayed; same key, another body: ${idempotency.mismatchStatus}; same key in flight: 409 or the completed result.`,
    '',
    `**Rate limit (contract §6).** ${rateLimit.requestsPerSecond} requests/s per API key, bursts of ${rateLimit.burst}. A 429 carries Retry-After; RateLimit-Policy/RateLimit or X-RateLimit-* headers are optional.`,
  ].join('\n');
}

/** The OpenAPI 3.1 document of the create-user operation under `profile` (default: contract.md as written). */
export function openApiDocument(profile: Profile = defaultProfile): OpenApiDocument {
  const { headers: names, signing, clockSkew } = profile;
  const parameters = [
    {
      name: names.timestamp,
      in: 'header',
      required: true,
      description: `RFC 3339 date-time (Z or a numeric offset, fractional seconds allowed), within ±${clockSkew.windowSeconds} s of the server's clock; used verbatim in the canonical string (contract §1).`,
      schema: { type: 'string', format: 'date-time' },
      example: '2026-03-13T12:00:00Z',
    },
    {
      name: names.signature,
      in: 'header',
      required: true,
      description: `HMAC-SHA256 over the canonical string \`${signing.template.replaceAll('\n', '\\n')}\` (contract §1).`,
      schema: { type: 'string', pattern: signaturePattern(signing) },
    },
    {
      name: names.idempotencyKey,
      in: 'header',
      required: false,
      description: `A UUID (any version, any case); at-most-once processing within ${ttlText(profile.idempotency.ttlSeconds)} per API key (contract §4).`,
      schema: { type: 'string', format: 'uuid', pattern: uuidPattern.source },
      example: '9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d',
    },
  ];
  const operation = {
    operationId: 'createUser',
    summary: 'Create a user',
    description: 'Creates a partner user pending compliance review (contract §3-§5).',
    parameters,
    requestBody: {
      required: true,
      content: { 'application/json': { schema: ref('schemas', 'CreateUserRequest'), example: seedExampleBody } },
    },
    responses: Object.fromEntries(documentedStatuses.map((status) => [String(status), response(status)])),
  };
  return {
    openapi: '3.1.0',
    info: { title: 'Boca Raton Partner API: Create User', version: '1', description: description(profile) },
    servers: [{ url: 'https://partner-api.bocaraton.com', description: 'Production, from the seed page' }],
    paths: { [profile.endpoint.path]: { [profile.endpoint.method.toLowerCase()]: operation } },
    components: {
      securitySchemes: { partnerApiKey: { type: 'apiKey', in: 'header', name: names.apiKey, description: 'Partner API key issued during onboarding; missing or unknown → 401 (contract §1).' } },
      schemas: schemas(profile),
      headers,
    },
    security: [{ partnerApiKey: [] }],
  };
}
