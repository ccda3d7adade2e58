/** Property suite: contract §1, §2 against the target from the environment (see session-from-env.ts). */
import { afterAll } from 'vitest';
import { defineSectionChecks } from './define-checks.js';
import { sessionFromEnv } from './session-from-env.js';

const session = await sessionFromEnv();
afterAll(() => session.close());

defineSectionChecks(['§1', '§2'], session);
