/** `boca-harness self-test`: the suite against the sandbox with each fault (mutation score) and each variant (false positives). */
import { checkCatalogue } from '../../checks/registry.js';
import { falsePositiveCount, runFalsePositiveRuns, type VariantRun } from '../../conformance/false-positive-runs.js';
import { mutationScore, runFaultMatrix, type FaultVerdict } from '../../conformance/fault-matrix.js';
import { usageError } from '../../errors.js';
import { faultCatalogue } from '../../sandbox/faults/index.js';
import { variantCatalogue } from '../../sandbox/variants/index.js';
import type { Command, CommandIo, OptionValues } from '../command.js';
import { parseWholeNumber } from '../rate-limit-option.js';

const help = `Usage: boca-harness self-test [options]

Proves the harness: runs the conformance suite against the embedded sandbox
once per fault (a realistic bug switched on) and reports which checks caught
each one. The mutation score is the share of faults caught by a check of the
fault's own contract section; anything below 100% means a missing or weak check.
Then it runs the suite against the sandbox with each variant (a legitimate
way to keep the contract, one of its MAYs), several times with different
seeds: any failing check there is a false positive.

Options:
  --fault NAME     only these faults (repeatable; default: all)
  --runs N         generated cases per property (default 25)
  --seed S         fast-check seed (default 20261203)
  --variant NAME   only these variants (repeatable; default: all)
  --variant-runs N runs of the suite per variant, seeds S, S+1, … (default 5; 0 skips)
  --concurrency N  faults (and variant runs) checked at once, each against its
                   own sandbox (default 2)
  -h, --help       show this help

Exit codes: 0 every fault detected and no false positive, 1 a fault survived
or a check failed on a variant, 2 usage error.
`;

const text = (values: OptionValues, name: string): string | undefined => (typeof values[name] === 'string' ? (values[name] as string) : undefined);

function row(verdict: FaultVerdict): string {
  const mark = verdict.detected ? '✓' : '✗';
  const by = verdict.detectedBy.map((d) => `${d.checkId} (${d.section})`).join(', ') || 'nothing';
  return `${mark} ${verdict.fault.section} ${verdict.fault.name.padEnd(36)} detected by ${by}`;
}

function variantRow(run: VariantRun): string {
  const mark = run.falsePositives.length === 0 ? '✓' : '✗';
  const what = run.falsePositives.length === 0 ? 'no false positive' : run.falsePositives.map((fp) => `${fp.checkId} ${fp.status}`).join(', ');
  const skipped = run.skipped.length > 0 ? ` (skipped: ${run.skipped.join(', ')})` : '';
  return `${mark} ${run.variant.section} ${run.variant.name.padEnd(26)} seed ${run.seed} ${(run.durationMs / 1000).toFixed(1).padStart(5)} s  ${what}${skipped}`;
}

/** The false-positive runs: the suite on each variant, `variantRuns` times; prints a row per run and the total. Returns the count. */
async function checkVariants(
  io: CommandIo,
  options: { variants: typeof variantCatalogue; variantRuns: number; runs: number; seed: number; concurrency: number },
): Promise<number> {
  if (options.variantRuns === 0 || options.variants.length === 0) return 0;
  io.stdout.write(`\nNo false positives: ${checkCatalogue.length} checks against ${options.variants.length} variants × ${options.variantRuns} runs\n`);
  const verdicts = await runFalsePositiveRuns({
    checks: checkCatalogue,
    variants: options.variants,
    repeats: options.variantRuns,
    runs: options.runs,
    seed: options.seed,
    signal: io.signal,
    concurrency: options.concurrency,
    onRun: (run) => io.stdout.write(`${variantRow(run)}\n`),
  });
  const count = falsePositiveCount(verdicts);
  io.stdout.write(`\nFalse positives: ${count} across ${options.variants.length} variants × ${options.variantRuns} runs\n`);
  for (const verdict of verdicts) {
    for (const fp of verdict.falsePositives) io.stdout.write(`  ${verdict.variant.name} (seed ${fp.seed}${fp.rateLimit ? `, at ${fp.rateLimit}` : ''}): ${fp.checkId} ${fp.status}: ${fp.message.split('\n')[0]}\n`);
  }
  return count;
}

export const selfTestCommand: Command = {
  name: 'self-test',
  summary: 'run the suite against every sandbox fault and print the mutation score',
  help,
  options: {
    fault: { type: 'string', multiple: true },
    runs: { type: 'string' },
    seed: { type: 'string' },
    concurrency: { type: 'string' },
    variant: { type: 'string', multiple: true },
    'variant-runs': { type: 'string' },
  },
  async run(values, _positionals, io) {
    const names = (values.fault as string[] | undefined) ?? [];
    const unknown = names.filter((n) => !faultCatalogue.some((f) => f.name === n));
    if (unknown.length > 0) throw usageError('BOCA_USAGE', `Unknown fault ${unknown.join(', ')}; \`boca-harness serve --help\` lists them.`);
    const faults = names.length > 0 ? faultCatalogue.filter((f) => names.includes(f.name)) : faultCatalogue;
    const variantNames = (values.variant as string[] | undefined) ?? [];
    const unknownVariants = variantNames.filter((n) => !variantCatalogue.some((v) => v.name === n));
    if (unknownVariants.length > 0) throw usageError('BOCA_USAGE', `Unknown variant ${unknownVariants.join(', ')}; \`boca-harness serve --help\` lists them.`);
    const variants = variantNames.length > 0 ? variantCatalogue.filter((v) => variantNames.includes(v.name)) : variantCatalogue;
    const variantRuns = text(values, 'variant-runs') !== undefined ? parseWholeNumber(text(values, 'variant-runs')!, '--variant-runs', 0, 100) : 5;
    const runs = text(values, 'runs') !== undefined ? parseWholeNumber(text(values, 'runs')!, '--runs', 1) : 25;
    const seedText = text(values, 'seed');
    if (seedText !== undefined && !/^-?\d+$/.test(seedText)) throw usageError('BOCA_USAGE', `--seed ${seedText}: expected an integer`);
    const seed = seedText !== undefined ? Number(seedText) : 20261203;
    io.stdout.write(`Self-test: ${checkCatalogue.length} checks against ${faults.length} faults (${runs} runs per property, seed ${seed})\n`);
    const concurrency = text(values, 'concurrency') !== undefined ? parseWholeNumber(text(values, 'concurrency')!, '--concurrency', 1, 16) : 2;
    const verdicts = await runFaultMatrix({
      concurrency,
      checks: checkCatalogue,
      faults,
      runs,
      seed,
      signal: io.signal,
      onVerdict: (v) => io.stdout.write(`${row(v)}\n`),
    });
    const score = mutationScore(verdicts);
    const surviving = verdicts.filter((v) => !v.detected).map((v) => v.fault.name);
    io.stdout.write(`\nMutation score: ${(score * 100).toFixed(1)}% (${verdicts.length - surviving.length} of ${verdicts.length} faults detected)\n`);
    if (surviving.length > 0) io.stdout.write(`Surviving faults: ${surviving.join(', ')}\n`);
    if (io.signal.aborted) return 130;
    const falsePositives = await checkVariants(io, { variants, variantRuns, runs, seed, concurrency });
    if (io.signal.aborted) return 130;
    return surviving.length === 0 && falsePositives === 0 ? 0 : 1;
  },
};
