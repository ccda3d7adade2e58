/** Builds the CheckContext of a run from its HTTP client, profile and partners. */
import { utcDate } from '../contract/calendar.js';
import type { Profile } from '../contract/profile.js';
import type { HarnessHttpClient } from '../http/create-harness-client.js';
import type { Credentials } from '../signing/sign-request.js';
import type { CheckContext } from './check-context.js';

export interface CheckContextOptions {
  readonly target: URL;
  readonly profile: Profile;
  readonly client: HarnessHttpClient;
  readonly partners: { readonly primary: Credentials; readonly secondary?: Credentials };
  /** Makes externalIds unique across runs against the same target. */
  readonly runId: string;
  readonly declaredRateLimit?: { readonly requestsPerSecond: number; readonly burst?: number };
  readonly signal: AbortSignal;
}

export function createCheckContext(options: CheckContextOptions): CheckContext {
  const { client } = options;
  let counter = 0;
  // externalId allows [A-Za-z0-9._:-] and 64 chars: "bh-<run id>-<n>" stays well inside.
  const prefix = `bh-${options.runId.replace(/[^A-Za-z0-9]/g, '').slice(-20)}`;
  return {
    target: options.target,
    profile: options.profile,
    client,
    partners: options.partners,
    serverNowMs: () => client.serverClock.nowMs(),
    serverToday: () => utcDate(client.serverClock.nowMs()),
    uniqueExternalId: () => `${prefix}-${(++counter).toString(36)}`,
    recordedExchanges: () => client.exchanges,
    ...(options.declaredRateLimit ? { declaredRateLimit: options.declaredRateLimit } : {}),
    signal: options.signal,
  };
}
