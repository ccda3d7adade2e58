/** A Node `ScenarioEnv` for calling definitions directly in tests: node:crypto, a small pool, a fixed clock. */
import { defaultProfile, utcDate } from '../../../src/contract/index.js';
import type { IterationInfo, ScenarioEnv } from '../../../src/load/scenario-definition.js';
import { userPool } from '../../../src/load/scenarios/user-pool.js';
import { nodeCrypto } from '../../../src/signing/node-crypto.js';

export const testPartner = { apiKey: 'pk_sandbox_partner1', secret: 'sk_sandbox_partner1_do_not_use_in_production' };

export function testEnv(overrides: Partial<ScenarioEnv> = {}): ScenarioEnv {
  return {
    runId: '20261203T131500Z-a1b2c3',
    profile: defaultProfile,
    partner: testPartner,
    crypto: nodeCrypto,
    nowMs: () => Date.parse('2026-12-03T13:15:00.250Z'),
    pool: userPool({ today: utcDate(Date.now() - 86_400_000), size: 20 }),
    ...overrides,
  };
}

export const iterationOf = (scenario: string, iterationInTest: number, vu = 1): IterationInfo => ({ scenario, iterationInTest, vu, vuIteration: iterationInTest });
