/** Variants of contract §1: what a target may do differently and still keep the contract. */
import type { Profile } from '../../contract/profile.js';
import { withHooks } from '../faults/fault.js';
import type { Variant } from './variant.js';

/** A clock tolerance other than W, still between W − m and W + m as the contract allows. */
function clockTolerance(name: string, description: string, toleranceSeconds: (skew: Profile['clockSkew']) => number): Variant {
  return {
    name,
    section: '§1',
    description,
    apply: (p) => {
      const toleranceMs = toleranceSeconds(p.env.profile.clockSkew) * 1000;
      return withHooks(p, () => ({ timestampInWindow: (timestampMs, nowMs) => Math.abs(timestampMs - nowMs) <= toleranceMs }));
    },
  };
}

export const authenticationVariants: readonly Variant[] = [
  clockTolerance(
    'wider-clock-tolerance',
    'accepts timestamps up to W + m/2 from its clock (315 s by default), within the margin the contract leaves',
    ({ windowSeconds, marginSeconds }) => windowSeconds + marginSeconds / 2,
  ),
  clockTolerance(
    'narrower-clock-tolerance',
    'accepts timestamps only up to W − m/2 from its clock (285 s by default), within the margin the contract leaves',
    ({ windowSeconds, marginSeconds }) => windowSeconds - marginSeconds / 2,
  ),
];
