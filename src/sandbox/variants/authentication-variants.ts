/** Variants of contract §1: what a target may do differently and still keep the contract. */
import { withHooks } from '../faults/fault.js';
import type { Variant } from './variant.js';

export const authenticationVariants: readonly Variant[] = [
  {
    name: 'wider-clock-tolerance',
    section: '§1',
    description: 'accepts timestamps up to W + m/2 from its clock (315 s by default), within the margin the contract leaves',
    apply: (p) => {
      const { windowSeconds, marginSeconds } = p.env.profile.clockSkew;
      const toleranceMs = (windowSeconds + marginSeconds / 2) * 1000;
      return withHooks(p, () => ({ timestampInWindow: (timestampMs, nowMs) => Math.abs(timestampMs - nowMs) <= toleranceMs }));
    },
  },
];
