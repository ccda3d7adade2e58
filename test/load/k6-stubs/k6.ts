/** Stub of `k6`: check and sleep, recorded (sleep does not wait). */
import { stubState } from './stub-state.js';

export function check<T>(value: T, sets: Record<string, (v: T) => boolean>, _tags?: Record<string, string>): boolean {
  let all = true;
  for (const [name, predicate] of Object.entries(sets)) {
    const passed = predicate(value);
    stubState().checks.push({ name, passed });
    all &&= passed;
  }
  return all;
}

export function sleep(seconds: number): void {
  stubState().sleeps.push(seconds);
}

export default { check, sleep };
