/**
 * `boca-harness certify`: go-live certification = the conformance suite, the
 * rate-limit scenario and a short throughput run, one combined report.
 */
import { randomInt } from 'node:crypto';
import { resolve } from 'node:path';
import { createCertificationSummary, writeCertificationReports } from '../../certify/index.js';
import { checkCatalogue } from '../../checks/registry.js';
import { startEmbeddedTarget } from '../../conformance/embedded-target.js';
import { newRunId } from '../../conformance/run-id.js';
import { runConformance } from '../../conformance/run-conformance.js';
import type { Profile } from '../../contract/profile.js';
import { usageError } from '../../errors.js';
import { formatProgressLine } from '../../load/engine/load-progress.js';
import { runLoad } from '../../load/engine/run-load.js';
import type { LoadSummary } from '../../load/load-summary.js';
import { defaultScenarioParams, findScenarioDefinition } from '../../load/scenarios/index.js';
import { renderTable } from '../../report/index.js';
import type { Credentials } from '../../signing/sign-request.js';
import type { Command, CommandIo, OptionValues } from '../command.js';
import { sessionOptions, targetOptions, targetOptionsHelp, targetSettings } from '../conformance-options.js';
import { interruptedExitCode } from '../interrupted-exit-code.js';
import { progressPrinter } from '../progress.js';
import { parseWholeNumber } from '../rate-limit-option.js';
import { colorFor, version } from './conformance.js';

/**
 * The embedded sandbox's limit for the load parts: low enough that the
 * rate-limit scenario's 2× phase (400/s) never saturates this generator on a
 * small machine, so the accuracy figure is the sandbox's, not ours.
 */
const embeddedLoadLimit = { requestsPerSecond: 200, burst: 20 } as const;

const help = `Usage: boca-harness certify [options]

Go-live certification of a Partner API: the full conformance suite, then the
rate-limit load scenario (above the declared limit, a polite phase honouring
Retry-After, below the limit), then a short throughput run. One combined
report (certification.html with the load plots, certification.md,
certification.json, junit.xml) under reports/<run-id>/. Certified only when
every part passed and both load runs were valid and complete.

Options:
${targetOptionsHelp}
  --runs N             generated cases per property (default 100)
  --seed S             fast-check seed (default random)
  --duration D         seconds per load phase (default 5; the rate-limit scenario
                       has three phases)
  -h, --help           show this help

Without --target the embedded sandbox is certified: conformance against one
with a 1000/s limit, the load parts against one limited to 200/s, burst 20.
A real target is held to --rate-limit (or the profile's limit) throughout,
and must be loopback or listed in the config's "allowHosts".

Exit codes: 0 certified, 1 not certified, 2 usage/config/connection error,
130 interrupted by Ctrl-C or 143 by SIGTERM (the reports hold what ran, marked
incomplete).

Examples:
  boca-harness certify
  boca-harness certify --target https://staging.example.com --rate-limit 50/s --burst 50
`;

const text = (values: OptionValues, name: string): string | undefined => (typeof values[name] === 'string' ? (values[name] as string) : undefined);

interface LoadTarget {
  readonly url: URL;
  readonly partner: Credentials;
  readonly limit: { readonly requestsPerSecond: number; readonly burst: number };
  readonly allowHosts: readonly string[];
  close(): Promise<void>;
}

async function runLoadPart(name: string, target: LoadTarget, profile: Profile, durationSeconds: number, runId: string, io: CommandIo): Promise<LoadSummary> {
  const definition = findScenarioDefinition(name)!;
  const params = defaultScenarioParams(name, target.limit, { durationSeconds });
  io.stdout.write(`\n${name}: ${params.rate}/s against a declared ${target.limit.requestsPerSecond}/s (burst ${target.limit.burst}), ${durationSeconds} s per phase\n`);
  const tty = io.stdout.isTTY === true;
  const summary = await runLoad({
    definition,
    params,
    target: target.url,
    profile,
    partner: target.partner,
    signal: io.signal,
    allowHosts: target.allowHosts,
    runId: `${runId}-${name}`,
    // Interrupted before this part: run it in this thread, where an aborted run ends at once with an empty, incomplete
    // summary (worker threads only hear a later abort), and without the user pool no iteration will draw from (~0.5 s).
    ...(io.signal.aborted ? { workers: 0, pool: [] } : {}),
    ...(tty ? { onProgress: (p) => io.stdout.write(`\r\x1b[2K${formatProgressLine(p)}`) } : {}),
  });
  if (tty) io.stdout.write('\r\x1b[2K');
  const ratio = summary.rateLimit.acceptedToDeclaredRatio;
  io.stdout.write(
    `  ${summary.totals.sent} sent, ${summary.totals.achievedRps.toFixed(1)} req/s, p99 ${summary.latency.fromScheduled.p99} ms${ratio !== undefined ? `, accepted ${(ratio * 100).toFixed(1)} % of the limit` : ''}${summary.valid ? '' : ' — INVALID (generator saturated)'}\n`,
  );
  return summary;
}

export const certifyCommand: Command = {
  name: 'certify',
  summary: 'conformance + rate-limit scenario + short throughput run: one go-live report',
  help,
  options: { ...targetOptions, runs: { type: 'string' }, seed: { type: 'string' }, duration: { type: 'string' } },
  async run(values, _positionals, io) {
    const settings = targetSettings(values, io);
    const { profile } = settings.config;
    const runs = text(values, 'runs') !== undefined ? parseWholeNumber(text(values, 'runs')!, '--runs', 1, 100_000) : 100;
    const seedText = text(values, 'seed');
    if (seedText !== undefined && !/^-?\d+$/.test(seedText)) throw usageError('BOCA_USAGE', `--seed ${seedText}: expected an integer`);
    const seed = seedText !== undefined ? Number(seedText) : randomInt(2 ** 31 - 1);
    const durationSeconds = text(values, 'duration') !== undefined ? parseWholeNumber(text(values, 'duration')!.replace(/s$/, ''), '--duration', 1, 120) : 5;
    const startedAt = new Date();
    const runId = newRunId(startedAt.getTime());
    const color = colorFor(io);

    io.stdout.write(`Certifying ${settings.target?.href ?? 'the embedded sandbox'} (run ${runId}, seed ${seed})\n\nconformance: ${checkCatalogue.length} checks\n`);
    const conformance = await runConformance({
      ...sessionOptions(settings, io),
      checks: checkCatalogue,
      runs,
      seed,
      onEvent: progressPrinter(io.stdout, { color }),
      runId: `${runId}-conformance`,
      version,
    });

    const declared = settings.rateLimit && settings.rateLimit !== 'auto' ? settings.rateLimit : profile.rateLimit;
    const target: LoadTarget = settings.target
      ? {
          url: settings.target,
          partner: settings.config.partners.primary!,
          limit: { requestsPerSecond: declared.requestsPerSecond, burst: declared.burst ?? profile.rateLimit.burst },
          allowHosts: settings.config.allowHosts,
          close: async () => {},
        }
      : await (async () => {
          const embedded = await startEmbeddedTarget(profile, { rateLimit: embeddedLoadLimit, latencyMs: 0 });
          return { url: embedded.url, partner: embedded.partners.primary, limit: embeddedLoadLimit, allowHosts: [], close: () => embedded.close() };
        })();
    let rateLimit: LoadSummary;
    let throughput: LoadSummary;
    try {
      rateLimit = await runLoadPart('rate-limit', target, profile, durationSeconds, runId, io);
      throughput = await runLoadPart('throughput', target, profile, durationSeconds * 2, runId, io);
    } finally {
      await target.close();
    }

    const summary = createCertificationSummary({
      runId,
      target: settings.target?.href ?? 'embedded sandbox',
      startedAt: startedAt.toISOString(),
      durationMs: Date.now() - startedAt.getTime(),
      conformance: conformance.summary,
      rateLimit,
      throughput,
    });
    io.stdout.write(`\n${renderTable(conformance.summary, { color, width: (io.stdout as { columns?: number }).columns ?? 100 })}\n`);
    const written = await writeCertificationReports(summary, resolve(io.cwd, settings.reportsDir), {
      env: io.env,
      secrets: [...conformance.secrets, target.partner.secret],
    });
    for (const part of summary.verdict.parts) io.stdout.write(`${part.passed ? '✓' : '✗'} ${part.title}: ${part.headline}\n`);
    io.stdout.write(`\n${summary.verdict.headline}\nReports: ${written.directory}/ (certification.html, certification.md, certification.json, junit.xml)\n`);
    const complete = conformance.summary.complete && rateLimit.complete && throughput.complete;
    if (!complete || io.signal.aborted) {
      io.stderr.write('boca-harness: interrupted; the reports hold what ran so far and are marked incomplete.\n');
      return interruptedExitCode(io.signal);
    }
    return summary.verdict.certified ? 0 : 1;
  },
};
