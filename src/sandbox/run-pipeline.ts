/** Runs one exchange through the pipeline: the first step that answers wins (contract §2). */
import { seedMessages, storedStatuses, type DocumentedStatus } from '../contract/responses.js';
import { errorOutcome } from './error-outcome.js';
import type { Exchange, Outcome } from './exchange.js';
import type { Pipeline } from './pipeline.js';
import { storedResponse } from './steps/create-user.js';

/**
 * Answers `x`. A claimed Idempotency-Key stores the 409/422 outcomes of §4
 * (the 201 is stored by `create`, in the user's transaction) and is released
 * whatever happens. A thrown error becomes a 500 envelope, never a hang.
 */
export async function runPipeline(p: Pipeline, x: Exchange): Promise<Outcome> {
  let outcome: Outcome | undefined;
  try {
    for (const name of p.order) {
      const result = p.steps[name](x, p);
      outcome = result instanceof Promise ? await result : result;
      if (outcome) break;
    }
    if (!outcome) throw new Error('No step of the pipeline answered');
    if (x.claim && outcome.status !== 201 && storedStatuses.includes(outcome.status as DocumentedStatus)) {
      p.env.store.saveResponse(x.claim.slot, storedResponse(x, p, outcome.status, outcome.body));
    }
  } catch (error) {
    p.env.log(`500 ${x.method} ${x.target}: ${(error as Error)?.stack ?? String(error)}`);
    outcome = errorOutcome(p, 500, seedMessages[500]);
  } finally {
    if (x.claim) p.hooks.releaseInFlight(x.claim.slot);
  }
  return outcome;
}
