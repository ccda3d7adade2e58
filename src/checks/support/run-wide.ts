/** Helpers of the run-wide checks, which judge every exchange recorded so far in the run (contract §5). */
import type { Exchange } from '../../http/exchange.js';
import { outcome } from '../expect.js';
import { violation, type Violation } from '../violation.js';

/** A recorded exchange that breaks a rule, and how. */
export interface Offence {
  readonly exchange: Exchange;
  readonly problem: string;
}

/** How many offending exchanges a failure lists and carries. */
const shown = 5;

/**
 * One violation for all `offences` of `rule` in the run: the first few, each
 * with its exchange id, request and outcome; their exchanges are attached
 * (the first offence last, as the decisive one to reproduce).
 */
export function runWideViolation(rule: string, offences: readonly Offence[], total: number, expected: string): Violation {
  const listed = offences.slice(0, shown);
  const lines = listed.map(({ exchange, problem }) => `  ${exchange.id} ${exchange.request.method} ${exchange.request.path}: ${problem}`);
  const more = offences.length > shown ? `\n  … and ${offences.length - shown} more` : '';
  return violation(`${rule}: ${offences.length} of ${total} exchanges of the run break it:\n${lines.join('\n')}${more}`, {
    expected,
    actual: `${offences.length} offending exchanges, first ${listed[0] ? outcome(listed[0].exchange) : ''}`,
    exchanges: [...listed].reverse().map((o) => o.exchange),
  });
}

/** A request header's value, whatever the case of its name. */
export function requestHeader(exchange: Exchange, name: string): string | undefined {
  const lower = name.toLowerCase();
  for (const [key, value] of Object.entries(exchange.request.headers)) if (key.toLowerCase() === lower) return value;
  return undefined;
}
