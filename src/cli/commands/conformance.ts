/** `boca-harness conformance`: every check of the contract against a target, with reports. */
import { randomInt } from 'node:crypto';
import { resolve } from 'node:path';
import { checkCatalogue } from '../../checks/registry.js';
import { runConformance, type ConformanceRun } from '../../conformance/run-conformance.js';
import { selectChecks } from '../../conformance/select-checks.js';
import { renderTable, runVerdict, writeReports } from '../../report/index.js';
import { usageError } from '../../errors.js';
import type { Command, CommandIo, OptionValues } from '../command.js';
import { interruptedExitCode } from '../interrupted-exit-code.js';
import { progressPrinter } from '../progress.js';
import { parseWholeNumber } from '../rate-limit-option.js';
import { sessionOptions, targetOptions, targetOptionsHelp, targetSettings } from '../conformance-options.js';

export const version = '0.1.0';

const help = `Usage: boca-harness conformance [options]

Checks that a running Partner API keeps the contract (contract.md, or the
profile in your config): every documented status, signatures and clock skew,
idempotency, the rate limit, the error envelope. Each failure comes with the
request and response, a curl command and a replay command.

Options:
${targetOptionsHelp}
  --only LIST          only these checks: ids, tags or sections, comma-separated
                       (e.g. --only idempotency,§1 or --only tampered-request-rejected)
  --runs N             generated cases per property (default 100)
  --seed S             fast-check seed (default: random; printed, so a run repeats)
  --list               list the checks and exit
  -h, --help           show this help

Environment:
  BOCA_API_KEY, BOCA_API_SECRET       the partner the checks sign as
  BOCA_API_KEY_2, BOCA_API_SECRET_2   a second partner (else its checks are skipped)

Exit codes: 0 every check passed (skips allowed), 1 a check failed,
2 usage, config or connection error, 130 interrupted by Ctrl-C or 143 by
SIGTERM (reports are still written, marked incomplete).

Examples:
  boca-harness conformance                                  # the embedded sandbox
  boca-harness conformance --target https://staging.example.com --rate-limit 50/s
  boca-harness conformance --target http://127.0.0.1:8787 --only §4 --runs 20
`;

const text = (values: OptionValues, name: string): string | undefined => {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
};

export function listChecks(io: CommandIo): void {
  for (const check of checkCatalogue) io.stdout.write(`${check.section} ${check.id.padEnd(36)} ${check.statement}  [${check.tags.join(', ')}]\n`);
}

/** Prints the table, writes the four reports and the step summary; returns the exit code. */
export async function finishRun(run: ConformanceRun, reportsDir: string, io: CommandIo, color: boolean): Promise<number> {
  const { summary } = run;
  io.stdout.write(`\n${renderTable(summary, { color, width: (io.stdout as { columns?: number }).columns ?? 100 })}\n`);
  const written = await writeReports(summary, reportsDir, { env: io.env, secrets: run.secrets });
  io.stdout.write(`Reports: ${written.directory}/ (report.html, summary.md, summary.json, junit.xml)\n`);
  if (!summary.complete) {
    io.stderr.write('boca-harness: interrupted; the reports hold what ran so far and are marked incomplete.\n');
    return interruptedExitCode(io.signal);
  }
  return runVerdict(summary).outcome === 'passed' ? 0 : 1;
}

export const colorFor = (io: CommandIo): boolean => io.stdout.isTTY === true && !io.env.NO_COLOR;

export const conformanceCommand: Command = {
  name: 'conformance',
  summary: 'check a target (default: the embedded sandbox) against the contract',
  help,
  options: {
    ...targetOptions,
    only: { type: 'string', multiple: true },
    runs: { type: 'string' },
    seed: { type: 'string' },
    list: { type: 'boolean' },
  },
  async run(values, _positionals, io) {
    if (values.list) {
      listChecks(io);
      return 0;
    }
    const settings = targetSettings(values, io);
    const only = (values.only as string[] | undefined)?.flatMap((v) => v.split(',')).filter(Boolean);
    const checks = selectChecks(checkCatalogue, only);
    const runs = text(values, 'runs') !== undefined ? parseWholeNumber(text(values, 'runs')!, '--runs', 1, 100_000) : 100;
    const seedText = text(values, 'seed');
    if (seedText !== undefined && !/^-?\d+$/.test(seedText)) throw usageError('BOCA_USAGE', `--seed ${seedText}: expected an integer`);
    const seed = seedText !== undefined ? Number(seedText) : randomInt(2 ** 31 - 1);
    const color = colorFor(io);
    const where = settings.target?.href ?? 'the embedded sandbox';
    io.stdout.write(`Checking ${where}: ${checks.length} checks, ${runs} runs per property, seed ${seed}\n`);
    const run = await runConformance({
      ...sessionOptions(settings, io),
      checks,
      runs,
      seed,
      onEvent: progressPrinter(io.stdout, { color }),
      version,
    });
    return finishRun(run, resolve(io.cwd, settings.reportsDir), io, color);
  },
};

