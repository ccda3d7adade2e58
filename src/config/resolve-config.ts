/** Turning a parsed config file and the environment into the harness's configuration. */
import { defaultProfile, type Profile } from '../contract/profile.js';
import { usageError } from '../errors.js';
import type { Credentials } from '../signing/sign-request.js';
import { applyProfileOverride } from './apply-profile-override.js';
import { configFileSchema } from './config-file-schema.js';
import { issueMessages } from './config-issue-message.js';
import { partnersFromEnv, type Partners } from './partners-from-env.js';
import { profileProblems } from './profile-consistency.js';

/** The local sandbox's settings; absent values mean the sandbox's own defaults. */
export interface SandboxConfig {
  readonly partners?: readonly Credentials[];
  readonly port?: number;
}

/** Everything the harness takes from the config file and the environment. */
export interface HarnessConfig {
  /** The default profile with the file's overrides deep-merged (a signing preset first, then explicit signing fields). */
  readonly profile: Profile;
  /** Base URL of the target; absent means the embedded sandbox. */
  readonly target?: string;
  /** Hosts besides loopback that load runs may target. */
  readonly allowHosts: readonly string[];
  /** The target's partners, from BOCA_API_KEY/BOCA_API_SECRET and BOCA_API_KEY_2/BOCA_API_SECRET_2. */
  readonly partners: Partners;
  readonly sandbox: SandboxConfig;
  /** The config file used, if any. */
  readonly source?: string;
}

/**
 * Validates `rawJson` (the parsed config file; `undefined` for none) and
 * combines it with credentials from `env`. Pure: reads no file. `source`
 * names the file in messages (default "config") and is kept in the result. Throws a
 * `BOCA_CONFIG` usage error listing every problem as
 * `<source>: <dotted.key>: <problem>; <expected form>`, or a
 * `BOCA_CREDENTIALS` one for the environment variables.
 */
export function resolveConfig(rawJson: unknown, env: Readonly<Record<string, string | undefined>>, source?: string): HarnessConfig {
  const label = source ?? 'config';
  const parsed = configFileSchema.safeParse(rawJson === undefined ? {} : rawJson, { reportInput: true });
  if (!parsed.success) {
    throw usageError('BOCA_CONFIG', issueMessages(label, configFileSchema, parsed.error.issues).join('\n'));
  }
  const file = parsed.data;
  const profile = applyProfileOverride(defaultProfile, file.profile);
  const problems = profileProblems(profile, file.sandbox?.partners);
  if (problems.length > 0) {
    throw usageError('BOCA_CONFIG', problems.map(({ key, message }) => `${label}: ${key}: ${message}`).join('\n'));
  }
  return {
    profile,
    ...(file.target !== undefined && { target: file.target }),
    allowHosts: file.allowHosts ?? [],
    partners: partnersFromEnv(env, profile.signing.secretEncoding),
    sandbox: { ...(file.sandbox?.partners && { partners: file.sandbox.partners }), ...(file.sandbox?.port !== undefined && { port: file.sandbox.port }) },
    ...(source !== undefined && { source }),
  };
}
