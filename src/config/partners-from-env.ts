/** Credentials of the target's partners, from environment variables (never from the config file). */
import type { SecretEncoding } from '../contract/profile.js';
import { usageError } from '../errors.js';
import { secretKeyBytes } from '../signing/secret-key.js';
import type { Credentials } from '../signing/sign-request.js';

/** The first and, for cross-partner checks, a second partner of the target. */
export interface Partners {
  readonly primary?: Credentials;
  readonly secondary?: Credentials;
}

/** The environment variables read, per partner. */
export const credentialVariables = {
  primary: { apiKey: 'BOCA_API_KEY', secret: 'BOCA_API_SECRET' },
  secondary: { apiKey: 'BOCA_API_KEY_2', secret: 'BOCA_API_SECRET_2' },
} as const;

type Env = Readonly<Record<string, string | undefined>>;

// An empty variable counts as unset, so `BOCA_API_KEY= cmd` clears it.
const read = (env: Env, name: string): string | undefined => (env[name] === '' ? undefined : env[name]);

function credentialsFrom(env: Env, names: { readonly apiKey: string; readonly secret: string }): Credentials | undefined {
  const apiKey = read(env, names.apiKey);
  const secret = read(env, names.secret);
  if (apiKey === undefined && secret === undefined) return undefined;
  if (apiKey === undefined || secret === undefined) {
    const [set, unset] = apiKey === undefined ? [names.secret, names.apiKey] : [names.apiKey, names.secret];
    throw usageError('BOCA_CREDENTIALS', `${set} is set but ${unset} is not: set both ${names.apiKey} and ${names.secret}, or neither.`);
  }
  return { apiKey, secret };
}

/**
 * Reads BOCA_API_KEY/BOCA_API_SECRET (primary) and BOCA_API_KEY_2/
 * BOCA_API_SECRET_2 (secondary). Each secret must decode under
 * `secretEncoding` (contract §1). Throws a `BOCA_CREDENTIALS` usage error
 * naming the variables when a key comes without its secret or vice versa.
 */
export function partnersFromEnv(env: Env, secretEncoding: SecretEncoding = 'utf8'): Partners {
  const primary = credentialsFrom(env, credentialVariables.primary);
  const secondary = credentialsFrom(env, credentialVariables.secondary);
  if (secondary && !primary) {
    throw usageError('BOCA_CREDENTIALS', 'BOCA_API_KEY_2 is set but BOCA_API_KEY is not: the second partner needs a first one.');
  }
  if (primary && secondary && primary.apiKey === secondary.apiKey) {
    throw usageError('BOCA_CREDENTIALS', 'BOCA_API_KEY_2 equals BOCA_API_KEY: the second partner needs an API key of its own.');
  }
  for (const [which, credentials] of [['primary', primary], ['secondary', secondary]] as const) {
    if (!credentials) continue;
    try {
      secretKeyBytes(credentials.secret, secretEncoding);
    } catch {
      const name = credentialVariables[which].secret;
      throw usageError('BOCA_CREDENTIALS', `${name} is not valid ${secretEncoding}; expected the secret in the encoding of profile.signing.secretEncoding ("${secretEncoding}").`);
    }
  }
  return { ...(primary && { primary }), ...(secondary && { secondary }) };
}
