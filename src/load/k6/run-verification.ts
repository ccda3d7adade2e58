/**
 * Runs a scenario's verification after the load (k6: in `teardown`): its
 * requests one by one, each re-signed and retried after Retry-After while
 * throttled (the load may have emptied the bucket; 429s are not stored,
 * contract §4 and §6), then k6 `check`s of the verdicts, so the `checks`
 * threshold fails the run when a verdict fails.
 */
import { check, sleep } from 'k6';
import type { ObservedResponse, ScenarioEnv, Verification } from '../scenario-definition.js';
import { retryAfterSeconds } from '../scenarios/retry-after-seconds.js';
import { sendPlannedRequest } from './send-planned-request.js';

/** Attempts per verification request while answered 429. */
export const verificationAttempts = 5;

export function runVerification(verification: Verification, env: ScenarioEnv, target: string): readonly { name: string; passed: boolean; detail?: string }[] {
  const count = verification.requests(env).length;
  const responses: ObservedResponse[] = [];
  for (let index = 0; index < count; index++) {
    let response: ObservedResponse | undefined;
    for (let attempt = 0; attempt < verificationAttempts; attempt++) {
      // Built again per attempt: a fresh timestamp and signature, never a verbatim replay.
      response = sendPlannedRequest(target, verification.requests(env)[index]!, { phase: 'verification' });
      if (response.status !== 429) break;
      sleep(Math.min((retryAfterSeconds(response) ?? 1) + 0.1, 60));
    }
    responses.push(response!);
  }
  const verdicts = verification.judge(responses);
  for (const verdict of verdicts) {
    check(verdict, { [verdict.name]: (v) => v.passed }, { phase: 'verification' });
    if (!verdict.passed) console.error(`verification failed: ${verdict.name}${verdict.detail ? `: ${verdict.detail}` : ''}`);
  }
  return verdicts;
}
