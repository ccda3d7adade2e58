/**
 * Rules across several values of a merged profile, which a per-value schema
 * cannot see (an override of maxLength below the default minLength, say).
 */
import { fieldNames } from '../contract/field-rules.js';
import type { Profile } from '../contract/profile.js';
import { secretKeyBytes } from '../signing/secret-key.js';
import type { Credentials } from '../signing/sign-request.js';

/** One problem: the full dotted key it concerns, and what is wrong and expected. */
export interface ConfigProblem {
  readonly key: string;
  readonly message: string;
}

/** Problems of the merged `profile` (and of sandbox partners' secrets under its encoding); empty when consistent. */
export function profileProblems(profile: Profile, sandboxPartners: readonly Credentials[] = []): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  for (const name of fieldNames) {
    const rule = profile.fields[name];
    if (rule.kind === 'string' && rule.minLength > rule.maxLength) {
      problems.push({
        key: `profile.fields.${name}.maxLength`,
        message: `got ${rule.maxLength}, below minLength ${rule.minLength}; expected maxLength >= minLength`,
      });
    }
  }
  const { windowSeconds, marginSeconds } = profile.clockSkew;
  if (marginSeconds >= windowSeconds) {
    problems.push({
      key: 'profile.clockSkew.marginSeconds',
      message: `got ${marginSeconds} with windowSeconds ${windowSeconds}; expected a margin smaller than the window`,
    });
  }
  sandboxPartners.forEach((partner, i) => {
    try {
      secretKeyBytes(partner.secret, profile.signing.secretEncoding);
    } catch {
      problems.push({
        key: `sandbox.partners[${i}].secret`,
        message: `not valid ${profile.signing.secretEncoding}; expected a secret in the encoding of profile.signing.secretEncoding`,
      });
    }
  });
  return problems;
}
