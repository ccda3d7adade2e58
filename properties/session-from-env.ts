/**
 * The property suites' target, from the environment, so they run with plain
 * `npx vitest run properties` against any API:
 *   BOCA_TARGET        the API under test (default: an embedded sandbox per suite file)
 *   BOCA_API_KEY, BOCA_API_SECRET (+ _2)   credentials for BOCA_TARGET
 *   BOCA_CONFIG        boca.config.json (default ./boca.config.json if present)
 *   BOCA_RATE_LIMIT    declared limit (50/s, 3000/m or auto), BOCA_MAX_RPS
 *   BOCA_RUNS          cases per property (default 50), BOCA_SEED (default random)
 */
import { randomInt } from 'node:crypto';
import { parseRequestsPerSecond } from '../src/cli/rate-limit-option.js';
import { loadConfig } from '../src/config/index.js';
import { openSession, type Session } from '../src/conformance/open-session.js';
import { newRunId } from '../src/conformance/run-id.js';

export interface PropertySession extends Session {
  readonly runs: number;
  readonly seed: number;
}

export async function sessionFromEnv(env: NodeJS.ProcessEnv = process.env): Promise<PropertySession> {
  const config = loadConfig({ ...(env.BOCA_CONFIG ? { configPath: env.BOCA_CONFIG } : {}), cwd: process.cwd(), env });
  const targetText = env.BOCA_TARGET ?? config.target;
  const rate = env.BOCA_RATE_LIMIT;
  const session = await openSession({
    profile: config.profile,
    ...(targetText ? { target: new URL(targetText) } : {}),
    partners: config.partners,
    ...(rate ? { rateLimit: rate === 'auto' ? 'auto' : { requestsPerSecond: parseRequestsPerSecond(rate, 'BOCA_RATE_LIMIT') } } : {}),
    ...(env.BOCA_MAX_RPS ? { maxRps: parseRequestsPerSecond(env.BOCA_MAX_RPS, 'BOCA_MAX_RPS') } : {}),
    signal: new AbortController().signal,
    runId: newRunId(),
  });
  return { ...session, runs: Number(env.BOCA_RUNS ?? 50), seed: env.BOCA_SEED !== undefined ? Number(env.BOCA_SEED) : randomInt(2 ** 31 - 1) };
}
