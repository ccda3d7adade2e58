/** The order in which a request is judged, contract §2. The first failing step answers. */

export interface EvaluationStep {
  readonly step: string;
  readonly status: number;
  readonly description: string;
}

export const evaluationOrder: readonly EvaluationStep[] = [
  { step: 'authenticate', status: 401, description: 'API key, timestamp window and signature; nothing else is evaluated for an unauthenticated request' },
  { step: 'rateLimit', status: 429, description: 'per API key; counts every authenticated request' },
  { step: 'idempotencyKeyFormat', status: 400, description: 'Idempotency-Key is a UUID when present' },
  { step: 'idempotencyLookup', status: 422, description: 'replay the stored result, 422 for another body, 409 while in flight' },
  { step: 'body', status: 400, description: 'JSON content type, a JSON object, every field rule' },
  { step: 'age', status: 422, description: 'at least the minimum age today (UTC)' },
  { step: 'uniqueExternalId', status: 409, description: 'externalId unique per API key' },
  { step: 'create', status: 201, description: 'the user is created' },
];
