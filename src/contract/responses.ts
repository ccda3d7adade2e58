/** The documented answers of POST /v1/users, contract §5. */

export const errorCodes = {
  400: 'bad_request',
  401: 'unauthorized',
  409: 'conflict',
  422: 'unprocessable_entity',
  429: 'too_many_requests',
  500: 'internal_error',
} as const;

export type ErrorStatus = keyof typeof errorCodes;
export type ErrorCode = (typeof errorCodes)[ErrorStatus];
export type DocumentedStatus = 201 | ErrorStatus;

export const documentedStatuses: readonly DocumentedStatus[] = [201, 400, 401, 409, 422, 429, 500];

/** When each status is the answer, in the contract's words. */
export const statusMeanings: { readonly [S in DocumentedStatus]: string } = {
  201: 'user created (or the stored result replayed)',
  400: 'body, field or Idempotency-Key invalid',
  401: 'API key, timestamp or signature',
  409: 'duplicate externalId; idempotency key in flight',
  422: 'under 18; idempotency key reused with another body',
  429: 'rate limit',
  500: 'server fault',
};

/** The status of a successful create. */
export const createdStatus = 201;
/** `status` of a newly created user. */
export const createdUserStatus = 'pendingCompliance';

export interface FieldError {
  readonly field: string;
  readonly message: string;
}

/** The error envelope, contract §5. */
export interface ErrorEnvelope {
  readonly error: ErrorCode;
  readonly message: string;
  readonly requestId: string;
  readonly fieldErrors?: readonly FieldError[];
}

/** The 201 body, contract §5. */
export interface CreatedUser {
  readonly userId: string;
  readonly externalId: string;
  readonly status: typeof createdUserStatus;
}

/** Outcomes an idempotency key stores and replays (contract §4); all others leave the key unused. */
export const storedStatuses: readonly DocumentedStatus[] = [201, 409, 422];

/** The seed page's messages, used by the sandbox. Targets MAY word them otherwise. */
export const seedMessages = {
  400: 'Request body failed validation',
  401: 'Invalid API key or request signature',
  409: 'A user with this externalId already exists',
  422: 'User must be at least 18 years old',
  429: 'Rate limit exceeded. Retry after the duration indicated in the Retry-After header.',
  500: 'An unexpected error occurred. Please retry or contact support with the requestId.',
} as const;

/** 8-4-4-4-12 hex, any version, any case (contract §4). */
export const uuidPattern = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
