/**
 * Turns checks into Vitest tests: a property check becomes a
 * `@fast-check/vitest` `test.prop` (fast-check generates, shrinks and prints
 * the seed and path to replay), a scenario a plain test. Checks the target
 * cannot run (no second partner, no declared limit) are skipped, never passed.
 */
import { test } from '@fast-check/vitest';
import { describe } from 'vitest';
import { sectionTitles, type Check, type ContractSection } from '../src/checks/check.js';
import { checkCatalogue } from '../src/checks/registry.js';
import { isSkip } from '../src/checks/violation.js';
import type { PropertySession } from './session-from-env.js';

function requirementGap(check: Check, session: PropertySession): string | undefined {
  if (check.requires?.secondPartner && !session.context.partners.secondary) return 'needs BOCA_API_KEY_2 / BOCA_API_SECRET_2';
  if (check.requires?.declaredRateLimit && !session.context.declaredRateLimit) return 'needs a declared rate limit (BOCA_RATE_LIMIT)';
  return undefined;
}

function defineCheck(check: Check, session: PropertySession): void {
  const title = `${check.id}: ${check.statement}`;
  const gap = requirementGap(check, session);
  if (gap) {
    test.skip(`${title} (${gap})`, () => {});
    return;
  }
  const { context } = session;
  if (check.kind === 'scenario') {
    test(title, async ({ skip }) => {
      try {
        await check.run(context);
      } catch (error) {
        if (isSkip(error)) skip(error.message);
        else throw error;
      }
    });
    return;
  }
  const numRuns = Math.max(1, Math.min(session.runs, check.maxRuns ?? Number.POSITIVE_INFINITY));
  test.prop(check.arbitraries(context) as never, { numRuns, seed: session.seed })(title, (...values: unknown[]) =>
    check.predicate(context, ...values),
  );
}

/** One describe block per section with a test per check of that section, in catalogue order. */
export function defineSectionChecks(sections: readonly ContractSection[], session: PropertySession): void {
  for (const section of sections) {
    describe(`${section} ${sectionTitles[section]}`, () => {
      for (const check of checkCatalogue.filter((c) => c.section === section)) defineCheck(check, session);
    });
  }
}
