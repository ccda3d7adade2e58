/** `boca-harness self-test`: the suite against the sandbox with each fault; prints the mutation score. */
import { checkCatalogue } from '../../checks/registry.js';
import { mutationScore, runFaultMatrix, type FaultVerdict } from '../../conformance/fault-matrix.js';
import { usageError } from '../../errors.js';
import { faultCatalogue } from '../../sandbox/faults/index.js';
import type { Command, OptionValues } from '../command.js';
import { parseWholeNumber } from '../rate-limit-option.js';

const help = `Usage: boca-harness self-test [options]

Proves the harness: runs the conformance suite against the embedded sandbox
once per fault (a realistic bug switched on) and reports which checks caught
each one. The mutation score is the share of faults caught by a check of the
fault's own contract section; anything below 100% means a missing or weak check.

Options:
  --fault NAME     only these faults (repeatable; default: all)
  --runs N         generated cases per property (default 25)
  --seed S         fast-check seed (default 20261203)
  --concurrency N  faults checked at once, each against its own sandbox (default 2)
  -h, --help       show this help

Exit codes: 0 every fault detected, 1 a fault survived, 2 usage error.
`;

const text = (values: OptionValues, name: string): string | undefined => (typeof values[name] === 'string' ? (values[name] as string) : undefined);

function row(verdict: FaultVerdict): string {
  const mark = verdict.detected ? '✓' : '✗';
  const by = verdict.detectedBy.map((d) => `${d.checkId} (${d.section})`).join(', ') || 'nothing';
  return `${mark} ${verdict.fault.section} ${verdict.fault.name.padEnd(36)} detected by ${by}`;
}

export const selfTestCommand: Command = {
  name: 'self-test',
  summary: 'run the suite against every sandbox fault and print the mutation score',
  help,
  options: { fault: { type: 'string', multiple: true }, runs: { type: 'string' }, seed: { type: 'string' }, concurrency: { type: 'string' } },
  async run(values, _positionals, io) {
    const names = (values.fault as string[] | undefined) ?? [];
    const unknown = names.filter((n) => !faultCatalogue.some((f) => f.name === n));
    if (unknown.length > 0) throw usageError('BOCA_USAGE', `Unknown fault ${unknown.join(', ')}; \`boca-harness serve --help\` lists them.`);
    const faults = names.length > 0 ? faultCatalogue.filter((f) => names.includes(f.name)) : faultCatalogue;
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
    return surviving.length === 0 ? 0 : 1;
  },
};
