/**
 * Live progress of a conformance run: on a TTY one line that updates while
 * a check runs, then a line per finished check; in CI (no TTY) plain lines only.
 */
import type { RunEvent } from '../checks/run-checks.js';

const symbols = { passed: '✓', failed: '✗', skipped: '-', errored: '!' } as const;
const colours = { passed: 32, failed: 31, skipped: 33, errored: 35 } as const;

export function progressPrinter(stream: NodeJS.WritableStream & { isTTY?: boolean }, options: { color: boolean }): (event: RunEvent) => void {
  const tty = stream.isTTY === true;
  const paint = (code: number, text: string) => (options.color ? `\u001b[${code}m${text}\u001b[0m` : text);
  return (event) => {
    const position = `[${event.index + 1}/${event.total}]`;
    if (event.type === 'check-start') {
      if (tty) stream.write(`\r\u001b[2K${position} ${event.check.id} …`);
      return;
    }
    const { result } = event;
    const status = paint(colours[result.status], `${symbols[result.status]} ${result.status.padEnd(7)}`);
    const detail = result.status === 'skipped' && result.reason ? `  (${result.reason})` : '';
    const line = `${position} ${status} ${result.section} ${result.checkId}  ${result.requests} req, ${Math.round(result.durationMs)} ms${detail}`;
    stream.write(tty ? `\r\u001b[2K${line}\n` : `${line}\n`);
  };
}
