/** The healthy pipeline: the steps of contract §2 in its order, with the default hooks. */
import { createDefaultHooks } from './default-hooks.js';
import type { Pipeline, SandboxEnv, StepName } from './pipeline.js';
import { authenticate } from './steps/authenticate.js';
import { body } from './steps/body.js';
import { age, create, uniqueExternalId } from './steps/create-user.js';
import { idempotencyKeyFormat, idempotencyLookup, processingDelay } from './steps/idempotency.js';
import { rateLimit } from './steps/rate-limit.js';

/** contract §2; `processingDelay` holds the claimed key for `latencyMs`. */
export const stepOrder: readonly StepName[] = [
  'authenticate',
  'rateLimit',
  'idempotencyKeyFormat',
  'idempotencyLookup',
  'processingDelay',
  'body',
  'age',
  'uniqueExternalId',
  'create',
];

export function createDefaultPipeline(env: SandboxEnv): Pipeline {
  return {
    order: stepOrder,
    steps: { authenticate, rateLimit, idempotencyKeyFormat, idempotencyLookup, processingDelay, body, age, uniqueExternalId, create },
    hooks: createDefaultHooks(env),
    env,
  };
}
