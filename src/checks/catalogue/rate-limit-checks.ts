/**
 * The rate-limit checks, contract §6, in run order. They empty the bucket on
 * purpose, so they run last in a conformance run.
 */
import type { Check } from '../check.js';
import { rateLimitDiscovery } from './rate-limit-discovery.js';
import { rateLimitEnforced } from './rate-limit-enforced.js';
import { rateLimitHeadersCoherent } from './rate-limit-headers-coherent.js';
import { rateLimitNotBelowHalf } from './rate-limit-not-below-half.js';
import { rateLimitedRequestNotStored } from './rate-limited-request-not-stored.js';
import { retryAfterHonoured } from './retry-after-honoured.js';

export const rateLimitChecks: readonly Check[] = [
  rateLimitNotBelowHalf,
  rateLimitEnforced,
  retryAfterHonoured,
  rateLimitedRequestNotStored,
  rateLimitHeadersCoherent,
  rateLimitDiscovery,
];
