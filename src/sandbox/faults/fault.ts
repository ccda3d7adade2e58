/** A sandbox fault: a named, realistic bug that turns the healthy pipeline into a faulty one (style §8, §9). */
import type { ContractSection } from '../../contract/sections.js';
import type { Hooks, Pipeline, Step, StepName } from '../pipeline.js';

export interface Fault {
  /** Stable kebab-case id: public API (`--fault`, config, reports). */
  readonly name: string;
  /** The contract section whose rule it breaks. */
  readonly section: ContractSection;
  /** What the sandbox does wrong, in one line. */
  readonly description: string;
  readonly apply: (p: Pipeline) => Pipeline;
}

/** Replaces some hooks; `hooks` receives the current ones so a fault can wrap them. */
export const withHooks = (p: Pipeline, hooks: (h: Hooks) => Partial<Hooks>): Pipeline => ({ ...p, hooks: { ...p.hooks, ...hooks(p.hooks) } });

/** Wraps (or replaces) one step of the pipeline. */
export const withStep = (p: Pipeline, name: StepName, wrap: (step: Step) => Step): Pipeline => ({
  ...p,
  steps: { ...p.steps, [name]: wrap(p.steps[name]) },
});

/** A step that lets every request through. */
export const skip: Step = () => undefined;
