/**
 * Faults of contract §6: realistic bugs the sandbox switches on with
 * `--fault NAME` (catalogue in catalogue.ts).
 */
import { withHooks, type Fault } from './fault.js';

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
];
