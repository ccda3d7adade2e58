/** How each check status is shown. */
import type { CheckStatus } from '../checks/failure.js';

/** An emoji per status, for Markdown and HTML. */
export const statusEmoji: Readonly<Record<CheckStatus, string>> = { passed: '✅', failed: '❌', skipped: '⏭️', errored: '💥' };

/** A one-character symbol per status, for the terminal. */
export const statusSymbol: Readonly<Record<CheckStatus, string>> = { passed: '✓', failed: '✗', skipped: '○', errored: '!' };
