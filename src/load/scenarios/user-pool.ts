/**
 * The fixture pool k6 scenarios load with `SharedArray`: valid users
 * (contract §3) generated once by fast-check at build time, because k6 runs
 * no fast-check per iteration. Node-free, but only the build imports it.
 */
import fc from 'fast-check';
import type { CalendarDate } from '../../contract/calendar.js';
import type { Profile } from '../../contract/profile.js';
import { validUser } from '../../fixtures/valid-user.js';
import type { UserTemplate } from '../scenario-definition.js';

export interface UserPoolOptions {
  /**
   * The UTC date ages are measured on. Pass the day before the build: then
   * nobody in the pool turns 18 only on the day it is used.
   */
  readonly today: CalendarDate;
  /** Number of users. Default 1000 (about 0.75 MB of JSON, within a 1 MiB ConfigMap). */
  readonly size?: number;
  /** fast-check seed. Default 20240501, so builds are reproducible for a given `today`. */
  readonly seed?: number;
  readonly profile?: Profile;
}

/** `size` valid users; each iteration overwrites `externalId` with its own unique one. */
export function userPool(options: UserPoolOptions): UserTemplate[] {
  const arbitrary = validUser({ today: options.today, ...(options.profile ? { profile: options.profile } : {}) });
  return fc.sample(arbitrary, { numRuns: options.size ?? 1000, seed: options.seed ?? 20240501 });
}
