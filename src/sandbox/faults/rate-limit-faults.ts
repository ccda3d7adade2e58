/**
 * Faults of contract §6: realistic bugs the sandbox switches on with
 * `--fault NAME` (catalogue in catalogue.ts).
 */
import { uuidPattern } from '../../contract/responses.js';
import { storedResponse } from '../steps/create-user.js';
import { createTokenBucketLimiter } from '../token-bucket.js';
import { thenAfter } from './then-after.js';
import { withHooks, withStep, type Fault } from './fault.js';

export const rateLimitFaults: readonly Fault[] = [
  {
    name: 'retry-after-missing',
    section: '§6',
    description: '429 is sent without a Retry-After header',
    apply: (p) => withHooks(p, () => ({ throttledHeaders: () => ({}) })),
  },
  {
    name: 'retry-after-too-short',
    section: '§6',
    description: 'Retry-After is rounded down (0 when under a second is missing): waiting it out still gets 429',
    apply: (p) => withHooks(p, () => ({ throttledHeaders: (d) => ({ 'Retry-After': String(Math.max(0, d.resetSeconds - 1)) }) })),
  },
  {
    name: 'rate-limit-not-enforced',
    section: '§6',
    description: 'the limiter counts and sends RateLimit headers but never answers 429',
    apply: (p) =>
      withHooks(p, (h) => ({
        takeToken: (apiKey, nowMs) => {
          const decision = h.takeToken(apiKey, nowMs);
          return decision && { ...decision, allowed: true };
        },
      })),
  },
  {
    name: 'rate-limit-too-strict',
    section: '§6',
    description: 'the limiter refills at a third of the configured rate (a per-minute figure divided as if per 3 minutes): 429s at half the limit',
    apply: (p) => {
      const settings = p.env.limiter?.settings;
      if (!settings) return p;
      const strict = createTokenBucketLimiter({ ...settings, requestsPerSecond: settings.requestsPerSecond / 3 });
      return withHooks(p, () => ({ takeToken: (apiKey, nowMs) => strict.take(apiKey, nowMs) }));
    },
  },
  {
    name: 'rate-limit-headers-incoherent',
    section: '§6',
    description: 'RateLimit always states the full burst as remaining (r=burst), even on the 429 that follows',
    apply: (p) => {
      const burst = p.env.limiter?.settings.burst;
      if (burst === undefined) return p;
      return withStep(p, 'rateLimit', (rateLimit) =>
        thenAfter(rateLimit, (outcome, x) => {
          const value = x.responseHeaders['RateLimit'];
          if (value !== undefined) x.responseHeaders['RateLimit'] = value.replace(/;r=\d+/, `;r=${Math.floor(burst)}`);
          return outcome;
        }),
      );
    },
  },
  {
    name: 'throttled-key-stored',
    section: '§6',
    description: 'a 429 is stored under the request\'s Idempotency-Key: a retry with the key replays the 429, another body gets the mismatch status',
    apply: (p) =>
      withStep(p, 'rateLimit', (rateLimit) =>
        thenAfter(rateLimit, (outcome, x, pipeline) => {
          const key = x.headers[pipeline.env.headerKeys.idempotencyKey];
          if (outcome?.status === 429 && x.partner && typeof key === 'string' && uuidPattern.test(key)) {
            const slot = { scope: pipeline.hooks.idempotencyScope(x.partner.apiKey), key };
            pipeline.env.store.saveResponse(slot, { ...storedResponse(x, pipeline, 429, outcome.body), fingerprint: pipeline.hooks.fingerprint(x) });
          }
          return outcome;
        }),
      ),
  },
];
