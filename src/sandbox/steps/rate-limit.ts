/** Step 2 of contract §2: the per-API-key token bucket (429), counting every authenticated request. */
import { seedMessages } from '../../contract/responses.js';
import { errorOutcome } from '../error-outcome.js';
import type { Step } from '../pipeline.js';
import { rateLimitValue } from '../rate-limit-headers.js';

export const rateLimit: Step = (x, p) => {
  if (!x.partner) return undefined;
  const decision = p.hooks.takeToken(x.partner.apiKey, x.nowMs);
  if (!decision) return undefined;
  if (p.env.rateLimitPolicy !== undefined) x.responseHeaders['RateLimit-Policy'] = p.env.rateLimitPolicy;
  x.responseHeaders['RateLimit'] = rateLimitValue(decision);
  if (decision.allowed) return undefined;
  return { ...errorOutcome(p, 429, seedMessages[429]), headers: p.hooks.throttledHeaders(decision) };
};
