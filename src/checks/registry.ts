/**
 * The check catalogue: one explicit list, in run order (run-wide checks that
 * read every exchange of the run come last). Ids are public API.
 */
import type { Check } from './check.js';
import { validUserCreated } from './catalogue/valid-user-created.js';

export const checkCatalogue: readonly Check[] = [validUserCreated];
