/** A scenario's after-run verification (k6: its teardown): the requests, one at a time, then its judgement. */
import type { ObservedResponse, ScenarioEnv, Verification } from '../scenario-definition.js';
import type { Transport } from './transport.js';

export type VerificationCheck = { readonly name: string; readonly passed: boolean; readonly detail?: string };

export async function runVerification(verification: Verification, env: ScenarioEnv, transport: Transport, signal: AbortSignal): Promise<VerificationCheck[]> {
  const responses: ObservedResponse[] = [];
  for (const request of verification.requests(env)) {
    const sentAtMs = Date.now();
    const outcome = await transport.send(request, signal);
    const receivedAtMs = Date.now();
    responses.push('status' in outcome
      ? { status: outcome.status, headers: outcome.headers, body: outcome.body, durationMs: receivedAtMs - sentAtMs, receivedAtMs }
      : { status: 0, headers: {}, body: outcome.error, durationMs: receivedAtMs - sentAtMs, receivedAtMs });
  }
  return [...verification.judge(responses)];
}
