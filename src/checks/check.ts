/**
 * A check: one property of the contract that a target must keep, in the
 * Schemathesis way: a stable kebab-case id (public API: config, reports,
 * `--only`), the contract section it enforces, and a one-line statement.
 * Checks are registered in one explicit list (registry.ts).
 */
import type fc from 'fast-check';
import type { ContractSection } from '../contract/sections.js';
import type { CheckContext } from './check-context.js';

export type { ContractSection } from '../contract/sections.js';
export { sectionTitles } from '../contract/sections.js';

interface CheckInfo {
  /** Stable kebab-case id. */
  readonly id: string;
  readonly section: ContractSection;
  /** The property that must hold, in one line. */
  readonly statement: string;
  /** For `--only`: e.g. `signature`, `idempotency`, `slow`. */
  readonly tags: readonly string[];
  /** What the check needs; without it the check is skipped (never passed). */
  readonly requires?: { readonly secondPartner?: boolean; readonly declaredRateLimit?: boolean };
}

/**
 * A property over generated values: fast-check generates, shrinks and
 * replays (seed + path); `predicate` sends requests and throws a contract
 * violation (see violation.ts) when the target breaks the property.
 */
export interface PropertyCheck<Values extends unknown[] = any[]> extends CheckInfo {
  readonly kind: 'property';
  arbitraries(context: CheckContext): { [K in keyof Values]: fc.Arbitrary<Values[K]> };
  predicate(context: CheckContext, ...values: Values): Promise<void>;
  /** Runs per property; defaults to the run's `--runs`. Expensive properties cap it. */
  readonly maxRuns?: number;
}

/** A fixed scenario (concurrency, rate limit, clock-skew edges): runs once, throws a violation on failure. */
export interface ScenarioCheck extends CheckInfo {
  readonly kind: 'scenario';
  run(context: CheckContext): Promise<void>;
}

export type Check = PropertyCheck | ScenarioCheck;
