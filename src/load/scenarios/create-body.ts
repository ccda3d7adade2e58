/** The create-user body of an iteration: a pre-generated valid user with its own externalId, contract §3. */
import type { ScenarioEnv } from '../scenario-definition.js';

/**
 * The JSON text of `env.pool[index % pool.length]` with `externalId` replaced,
 * keeping the seed's field order (externalId first). Deterministic: the same
 * index and externalId give the same bytes, which idempotent replays need
 * (contract §4 fingerprints the body bytes).
 */
export function createBody(env: ScenarioEnv, index: number, externalId: string): string {
  if (env.pool.length === 0) throw new Error('load: the user pool is empty (build it with npm run build:scenarios)');
  const template = env.pool[Math.abs(Math.trunc(index)) % env.pool.length]!;
  return JSON.stringify({ ...template, externalId });
}
