/** `boca-harness replay`: re-run one counterexample against the target, freshly signed. */
import { resolve } from 'node:path';
import { parseFailureId } from '../../checks/failure-id.js';
import { checkCatalogue } from '../../checks/registry.js';
import { runConformance } from '../../conformance/run-conformance.js';
import { usageError } from '../../errors.js';
import type { Command, OptionValues } from '../command.js';
import { sessionOptions, targetOptions, targetOptionsHelp, targetSettings } from '../conformance-options.js';
import { progressPrinter } from '../progress.js';
import { colorFor, finishRun, version } from './conformance.js';

const help = `Usage: boca-harness replay FAILURE_ID [options]
       boca-harness replay --check ID --seed S --path P [options]

Re-runs one failure of a conformance run: the same generated input (fast-check
seed and shrink path), sent again with a fresh timestamp and signature, so it
reproduces a failure after the clock-skew window has passed. FAILURE_ID is
printed with every failure (e.g. tampered-request-rejected@1234:0:3) and is
self-contained: no report files are needed.

Options:
${targetOptionsHelp}
  --check ID           the check (with --seed and --path, instead of FAILURE_ID)
  --seed S             the fast-check seed of the failure
  --path P             the shrink path of the counterexample
  -h, --help           show this help

The target must be the one that failed (same --target, config and
credentials). Against the embedded sandbox a replay starts a fresh sandbox.
Exit codes: 1 the failure reproduced, 0 it did not, 2 usage error.

Examples:
  boca-harness replay tampered-request-rejected@1234:0:3 --target http://127.0.0.1:8787
  boca-harness replay --check idempotent-replay --seed 42 --path 7:0 --target https://staging.example.com
`;

const text = (values: OptionValues, name: string): string | undefined => {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
};

export const replayCommand: Command = {
  name: 'replay',
  summary: 'replay one failure (by its id) against the target, freshly signed',
  help,
  allowPositionals: true,
  options: { ...targetOptions, check: { type: 'string' }, seed: { type: 'string' }, path: { type: 'string' } },
  async run(values, positionals, io) {
    const [id, ...extra] = positionals;
    if (extra.length > 0) throw usageError('BOCA_USAGE', `replay takes one FAILURE_ID, got ${positionals.length}.`);
    const seedText = text(values, 'seed');
    if (seedText !== undefined && !/^-?\d+$/.test(seedText)) throw usageError('BOCA_USAGE', `--seed ${seedText}: expected an integer`);
    const locator = id !== undefined ? parseFailureId(id) : text(values, 'check') !== undefined
      ? { checkId: text(values, 'check')!, ...(seedText !== undefined ? { seed: Number(seedText), path: text(values, 'path') ?? '' } : {}) }
      : undefined;
    if (!locator) {
      throw usageError('BOCA_USAGE', id === undefined ? 'replay needs a FAILURE_ID (printed with each failure), or --check with --seed and --path.' : `"${id}" is not a failure id (expected <check-id> or <check-id>@<seed>:<path>).`);
    }
    const check = checkCatalogue.find((c) => c.id === locator.checkId);
    if (!check) throw usageError('BOCA_USAGE', `No check "${locator.checkId}". \`boca-harness conformance --list\` shows the checks.`);
    if (check.kind === 'property' && locator.seed === undefined) {
      throw usageError('BOCA_USAGE', `${check.id} is a property: give its seed and path (the full failure id, or --seed and --path).`);
    }
    const settings = targetSettings(values, io);
    const color = colorFor(io);
    io.stdout.write(`Replaying ${check.id}${locator.seed !== undefined ? ` (seed ${locator.seed}, path ${locator.path || '(first run)'})` : ''} against ${settings.target?.href ?? 'a fresh embedded sandbox'}\n`);
    const run = await runConformance({
      ...sessionOptions(settings, io),
      checks: [check],
      runs: 1,
      seed: locator.seed ?? 0,
      ...(locator.path ? { path: locator.path } : {}),
      onEvent: progressPrinter(io.stdout, { color }),
      version,
    });
    return finishRun(run, resolve(io.cwd, settings.reportsDir), io, color);
  },
};
