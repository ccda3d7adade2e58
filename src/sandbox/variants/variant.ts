/**
 * A sandbox variant: a legitimate way to implement what the contract leaves
 * open (its MAYs), the opposite of a fault. Like a fault it turns the healthy
 * pipeline into another by wrapping steps or hooks (style §8); the
 * conformance suite must pass on every variant (no false positives).
 */
import type { ContractSection } from '../../contract/sections.js';
import type { Exchange, Outcome } from '../exchange.js';
import { thenAfter } from '../faults/then-after.js';
import type { Pipeline } from '../pipeline.js';

export interface Variant {
  /** Stable kebab-case id: public API (`--variant`, reports). */
  readonly name: string;
  /** The contract section whose latitude it uses. */
  readonly section: ContractSection;
  /** What the sandbox does differently, in one line. */
  readonly description: string;
  readonly apply: (p: Pipeline) => Pipeline;
}

/** Wraps every step so that any outcome it answers with goes through `map` (body, headers, flags). */
export const withOutcomes = (p: Pipeline, map: (outcome: Outcome, x: Exchange) => Outcome): Pipeline => ({
  ...p,
  steps: Object.fromEntries(
    Object.entries(p.steps).map(([name, step]) => [name, thenAfter(step, (outcome, x) => outcome && map(outcome, x))]),
  ) as unknown as Pipeline['steps'],
});

/** Wraps the first step so that every answer of the pipeline carries `headers` (computed per request). */
export const withResponseHeaders = (p: Pipeline, headers: (x: Exchange) => { readonly [name: string]: string }): Pipeline => {
  const first = p.order[0]!;
  const step = p.steps[first];
  return {
    ...p,
    steps: {
      ...p.steps,
      [first]: (x: Exchange, pipeline: Pipeline) => {
        Object.assign(x.responseHeaders, headers(x));
        return step(x, pipeline);
      },
    },
  };
};
