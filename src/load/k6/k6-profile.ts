/** The contract profile of a k6 run: the default one, or a resolved profile JSON (BOCA_PROFILE), with the declared limit. */
import { defaultProfile, type Profile } from '../../contract/profile.js';
import type { ScenarioParams } from '../scenario-definition.js';

/**
 * `profileJson` is a full profile as `boca-harness` resolves it from a config
 * file (text of the file BOCA_PROFILE names); the declared limit
 * (BOCA_LIMIT_RPS/BOCA_LIMIT_BURST) overrides its rate limit.
 */
export function k6Profile(profileJson: string | undefined, declaredLimit?: ScenarioParams['declaredLimit']): Profile {
  let profile = defaultProfile;
  if (profileJson !== undefined) {
    const parsed = JSON.parse(profileJson) as Partial<Profile>;
    if (!parsed.signing || !parsed.headers || !parsed.endpoint || !parsed.rateLimit) {
      throw new Error('BOCA_PROFILE: expected a full resolved profile (endpoint, headers, signing, rateLimit, …)');
    }
    profile = { ...defaultProfile, ...parsed } as Profile;
  }
  return declaredLimit ? { ...profile, rateLimit: { ...profile.rateLimit, ...declaredLimit } } : profile;
}

/** A sortable, path-safe run id like the CLI's: `20261203T131500Z-a1b2c3`. */
export function k6RunId(nowMs: number, random: () => number): string {
  const stamp = new Date(nowMs).toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  const suffix = Math.floor(random() * 0x1000000).toString(16).padStart(6, '0');
  return `${stamp}-${suffix}`;
}
