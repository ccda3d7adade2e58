/** Parsing a rate as users write it on the command line: `50`, `50/s`, `3000/m`, `100000/h` (contract §6). */
import { usageError } from '../errors.js';

const ratePattern = /^(\d+(?:\.\d+)?)(?:\/(s|sec|second|m|min|minute|h|hour))?$/i;
const secondsPer: { readonly [unit: string]: number } = { s: 1, sec: 1, second: 1, m: 60, min: 60, minute: 60, h: 3600, hour: 3600 };

/** Requests per second of a rate like `50/s` or `3000/m`; a usage error names the expected form. */
export function parseRequestsPerSecond(text: string, option = '--rate-limit'): number {
  const match = ratePattern.exec(text.trim());
  const perSecond = match ? Number(match[1]) / secondsPer[(match[2] ?? 's').toLowerCase()]! : NaN;
  if (!(perSecond > 0) || !Number.isFinite(perSecond)) {
    throw usageError('BOCA_USAGE', `${option} ${text}: expected a positive rate such as 50, 50/s or 3000/m`);
  }
  return perSecond;
}

/** A whole number within [min, max]; a usage error names the option. */
export function parseWholeNumber(text: string, option: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const value = /^\d+$/.test(text.trim()) ? Number(text) : NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw usageError('BOCA_USAGE', `${option} ${text}: expected a whole number from ${min}${max < Number.MAX_SAFE_INTEGER ? ` to ${max}` : ' up'}`);
  }
  return value;
}
