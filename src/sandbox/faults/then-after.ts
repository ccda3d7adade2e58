/** Wrapping a step to act on its outcome, for faults that add a side effect (style §8). */
import type { Exchange } from '../exchange.js';
import type { Pipeline, Step, StepResult } from '../pipeline.js';

/** Runs `step`, then `after` on its result, staying synchronous when the step is. */
export const thenAfter = (step: Step, after: (outcome: StepResult, x: Exchange, p: Pipeline) => StepResult): Step => (x, p) => {
  const result = step(x, p);
  return result instanceof Promise ? result.then((outcome) => after(outcome, x, p)) : after(result, x, p);
};
