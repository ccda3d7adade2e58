/** Stub of `k6/execution`: the scenario and VU the test says are running. */
import { stubState } from './stub-state.js';

const execution = {
  get scenario() {
    return stubState().execution.scenario;
  },
  get vu() {
    return stubState().execution.vu;
  },
};

export default execution;
