import { describe, expect, it } from 'vitest';
import { rateLimitHeaderValues } from '../../../src/load/analysis/rate-limit-header-values.js';

describe('rateLimitHeaderValues', () => {
  it('reads the IETF draft structured fields', () => {
    expect(rateLimitHeaderValues({ ratelimit: '"default";r=12;t=3', 'ratelimit-policy': '"default";q=50;w=1, "daily";q=1000;w=86400' })).toEqual({
      remaining: 12,
      remainingFrom: 'RateLimit',
      resetSeconds: 3,
      quota: 50,
      quotaFrom: 'RateLimit-Policy',
      windowSeconds: 1,
    });
  });

  it('reads the older drafts and the vendor headers', () => {
    expect(rateLimitHeaderValues({ ratelimit: 'limit=10, remaining=4, reset=2' })).toMatchObject({ remaining: 4, resetSeconds: 2, quota: 10 });
    expect(rateLimitHeaderValues({ 'ratelimit-limit': '10, 10;w=1', 'ratelimit-remaining': '0', 'ratelimit-reset': '1' })).toEqual({
      remaining: 0,
      remainingFrom: 'RateLimit-Remaining',
      resetSeconds: 1,
      quota: 10,
      quotaFrom: 'RateLimit-Limit',
    });
    expect(rateLimitHeaderValues({ 'ratelimit-policy': '10;w=1' })).toMatchObject({ quota: 10, windowSeconds: 1 });
    expect(rateLimitHeaderValues({ 'x-ratelimit-limit': '5000', 'x-ratelimit-remaining': '-2' })).toMatchObject({ remaining: -2, remainingFrom: 'X-RateLimit-Remaining', quota: 5000 });
  });

  it('leaves out values that do not parse', () => {
    expect(rateLimitHeaderValues({ ratelimit: '"default";r=lots', 'x-ratelimit-remaining': 'many' })).toEqual({});
    expect(rateLimitHeaderValues({})).toEqual({});
  });
});
