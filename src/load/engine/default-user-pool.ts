/** The Node engine's fixture pool: the same fast-check users the k6 bundle's SharedArray holds. */
import { utcDate } from '../../contract/calendar.js';
import type { Profile } from '../../contract/profile.js';
import type { UserTemplate } from '../scenario-definition.js';
import { userPool } from '../scenarios/user-pool.js';

/** 2000 valid users, ages measured on yesterday (UTC) so nobody turns 18 during the run. */
export const defaultUserPool = (profile: Profile, size = 2000): UserTemplate[] =>
  userPool({ today: utcDate(Date.now() - 86_400_000), profile, size });
