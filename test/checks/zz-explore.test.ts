import { it } from 'vitest';
import { rateLimitChecks } from '../../src/checks/catalogue/rate-limit-checks.js';
import { explain, resultOf } from './run-against-sandbox.js';

const only = process.env.RL_FAULT;
const ids = process.env.RL_IDS?.split(',');
const rateLimit = process.env.RL_LIMIT ? { requestsPerSecond: Number(process.env.RL_LIMIT.split('/')[0]), burst: Number(process.env.RL_LIMIT.split('/')[1]) } : undefined;
for (const check of rateLimitChecks.filter((c) => !ids || ids.includes(c.id))) {
  it(check.id, async () => {
    const started = Date.now();
    const result = await resultOf(check, { sandbox: { latencyMs: 3, ...(rateLimit ? { rateLimit } : {}) }, ...(only ? { faults: [only] } : {}), ...(process.env.RL_AUTO ? { conformance: { rateLimit: 'auto' } } : {}) });
    console.log(`${explain(result)} | ${result.requests} requests, ${Date.now() - started} ms`);
  }, 120_000);
}
