/** `boca-harness load`: runs a load scenario (throughput, rate-limit, idempotency-storm) with the Node engine or k6. */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../../config/index.js';
import { startEmbeddedTarget, type EmbeddedTarget } from '../../conformance/embedded-target.js';
import { newRunId } from '../../conformance/run-id.js';
import { usageError } from '../../errors.js';
import { checkTargetAllowed, defaultLoadLimits } from '../../load/engine/load-limits.js';
import { findK6, k6InstallHelp, runK6 } from '../../load/engine/run-k6.js';
import { runLoad } from '../../load/engine/run-load.js';
import { formatProgressLine } from '../../load/engine/load-progress.js';
import { parseDuration } from '../../load/k6-options/parse-duration.js';
import type { LoadSummary } from '../../load/load-summary.js';
import { formatCount } from '../../load/report/format-load.js';
import { writeLoadReports } from '../../load/report/index.js';
import type { ScenarioParams } from '../../load/scenario-definition.js';
import { arrivalRateVus, defaultScenarioParams, findScenarioDefinition, scenarioDefinitions } from '../../load/scenarios/index.js';
import type { Credentials } from '../../signing/sign-request.js';
import type { Command, CommandIo, OptionValues } from '../command.js';
import { interruptedExitCode } from '../interrupted-exit-code.js';
import { parseRequestsPerSecond, parseWholeNumber } from '../rate-limit-option.js';

const help = `Usage: boca-harness load --scenario NAME [options]

Runs a load scenario against a target and writes load.json, load.md and
load.html (with plots) under reports/<run-id>/. The Node engine (default)
runs the scenario's own k6 options here, with k6's semantics: arrival-rate
scenarios start iterations on schedule (open model, latency measured from
the scheduled time, so a stalling server cannot hide), iterations with no
free VU are dropped and counted, thresholds use k6's syntax. --engine k6
runs the same scenario with k6 (dist/scenarios/NAME.js) when k6 is installed.

Scenarios:
${scenarioDefinitions.map((d) => `  ${d.name.padEnd(20)} ${d.description}`).join('\n')}

Options:
  --scenario NAME      the scenario to run (required)
  --target URL         the API under test (default: config "target", else the
                       embedded sandbox, started with the declared rate limit)
  --engine node|k6     who generates the load (default node)
  --rate R             offered rate, iterations/s: 200 or 200/s (default: from
                       the declared limit: throughput 80 %, rate-limit 2×)
  --duration D         main phase: 30, 30s, 1m30s (default: the scenario's)
  --vus N              VUs (closed phases) and preallocated VUs (open phases)
  --rate-limit R       the declared limit the run is judged against: 50/s, 3000/m
                       (default: the profile's; also the embedded sandbox's limit)
  --burst N            the declared burst (default: the profile's)
  --workers N          Node engine threads (default: one per core; 0 = this thread)
  --timeout MS         per-request deadline (default 60000, as k6)
  --max-requests N     stop the run after N requests (default and most
                       1 000 000); an open-model plan that would send more is
                       refused before it starts, the Node engine stops
                       constant-vus phases when they reach it
  --warm-up MS         before t = 0 each thread runs the scenario's requests
                       against a throwaway server of its own so that the JIT
                       has compiled them (default 2000; 0 = off; the target
                       never sees them), then connects its VUs' sockets
  --config FILE        boca.config.json (default ./boca.config.json if present);
                       its "allowHosts" lists the hosts besides loopback a load
                       run may target
  --reports DIR        where reports/<run-id>/ goes (default ./reports)
  -h, --help           show this help

Safety: at most 20 000 requests/s, 10 minutes and 1 000 000 requests per run;
a target outside loopback must be in the config's "allowHosts". Ctrl-C stops
the run within a second and writes a partial report marked incomplete.

Exit codes: 0 ok, 99 a threshold failed (as k6), 1 a scenario check failed
(e.g. an idempotency key mapped to two users), 2 usage or config error (or k6
missing for --engine k6, or the run stopped at the request cap: partial
report written, marked incomplete), 130 interrupted by Ctrl-C or 143 by
SIGTERM (partial report written, marked incomplete).

Examples:
  boca-harness load --scenario rate-limit                   # embedded sandbox, profile limit
  boca-harness load --scenario throughput --rate 500/s --duration 20s
  boca-harness load --scenario rate-limit --rate-limit 100/s --burst 20
  boca-harness load --scenario throughput --target https://staging.example.com --rate 50
  boca-harness load --scenario idempotency-storm --engine k6 --target http://127.0.0.1:8787
`;

const text = (values: OptionValues, name: string): string | undefined => {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
};

function durationSeconds(value: string): number {
  const ms = parseDuration(value);
  if (ms === undefined || ms < 1000 || ms % 1000 !== 0) throw usageError('BOCA_USAGE', `--duration ${value}: expected whole seconds such as 30, 30s or 1m30s (at least 1s)`);
  return ms / 1000;
}

/** The scenario's default params with the flags applied. */
function scenarioParams(name: string, values: OptionValues, declaredLimit: ScenarioParams['declaredLimit']): ScenarioParams {
  const defaults = defaultScenarioParams(name, declaredLimit);
  const rateText = text(values, 'rate');
  const rate = rateText !== undefined ? parseRequestsPerSecond(rateText, '--rate') : defaults.rate;
  if (!Number.isInteger(rate)) throw usageError('BOCA_USAGE', `--rate ${rateText}: expected a whole number of iterations per second`);
  const durationText = text(values, 'duration');
  const vusText = text(values, 'vus');
  return {
    rate,
    durationSeconds: durationText !== undefined ? durationSeconds(durationText) : defaults.durationSeconds,
    vus: vusText !== undefined ? parseWholeNumber(vusText, '--vus', 1, 100_000) : rateText !== undefined && name !== 'idempotency-storm' ? arrivalRateVus(rate) : defaults.vus,
    declaredLimit,
  };
}

function printSummary(summary: LoadSummary, io: CommandIo): void {
  const { totals, latency } = summary;
  const lines = [
    `${summary.scenario} on ${summary.target} (${summary.engine} engine): ${(summary.durationMs / 1000).toFixed(1)} s${summary.complete ? '' : ' — INCOMPLETE'}`,
    `  offered ${totals.offered}, sent ${totals.sent}, dropped ${totals.dropped}, answered ${totals.completed}, ${totals.achievedRps.toFixed(1)} req/s`,
    `  status  ${Object.entries(totals.byStatus).map(([s, n]) => `${s}: ${n}`).join(', ') || 'none'}`,
    `  latency from schedule p50 ${latency.fromScheduled.p50} ms, p99 ${latency.fromScheduled.p99} ms; from send p99 ${latency.fromSend.p99} ms`,
    ...(summary.rateLimit.acceptedRateAboveLimit !== undefined ? [`  accepted ${summary.rateLimit.acceptedRateAboveLimit.toFixed(1)}/s above the limit (${((summary.rateLimit.acceptedToDeclaredRatio ?? 0) * 100).toFixed(1)} % of declared)`] : []),
    ...summary.thresholds.map((t) => `  ${t.passed ? '✓' : '✗'} ${t.metric} ${t.expression}${t.observed !== undefined ? ` (${+t.observed.toFixed(3)})` : ''}`),
    ...(summary.checks ?? []).map((c) => `  ${c.passed ? '✓' : '✗'} ${c.name}${c.detail ? `: ${c.detail}` : ''}`),
    ...(summary.valid ? [] : ['  INVALID run (the generator, not the target, limited it):', ...summary.invalidReasons.map((r) => `    - ${r}`)]),
  ];
  io.stdout.write(`${lines.join('\n')}\n`);
}

function bundlePath(name: string): string {
  const candidates = [new URL(`./scenarios/${name}.js`, import.meta.url), new URL(`../../../dist/scenarios/${name}.js`, import.meta.url)].map((u) => fileURLToPath(u));
  const found = candidates.find((path) => existsSync(path));
  if (!found) throw usageError('BOCA_USAGE', `The k6 bundle of ${name} is missing (looked for ${candidates[0]}); build it with npm run build:scenarios.`);
  return found;
}

async function run(values: OptionValues, _positionals: string[], io: CommandIo): Promise<number> {
  const name = text(values, 'scenario');
  if (name === undefined) throw usageError('BOCA_USAGE', `--scenario is required: one of ${scenarioDefinitions.map((d) => d.name).join(', ')}.`);
  const definition = findScenarioDefinition(name);
  if (!definition) throw usageError('BOCA_USAGE', `--scenario ${name}: unknown; one of ${scenarioDefinitions.map((d) => d.name).join(', ')}.`);
  const engine = text(values, 'engine') ?? 'node';
  if (engine !== 'node' && engine !== 'k6') throw usageError('BOCA_USAGE', `--engine ${engine}: expected node or k6`);
  const configPath = text(values, 'config');
  const config = loadConfig({ ...(configPath !== undefined ? { configPath } : {}), cwd: io.cwd, env: io.env });
  const rateText = text(values, 'rate-limit');
  const burstText = text(values, 'burst');
  const declaredRps = rateText !== undefined ? parseRequestsPerSecond(rateText) : config.profile.rateLimit.requestsPerSecond;
  const declaredLimit = { requestsPerSecond: declaredRps, burst: burstText !== undefined ? parseWholeNumber(burstText, '--burst', 1) : rateText !== undefined ? Math.max(1, Math.round(declaredRps)) : config.profile.rateLimit.burst };
  const params = scenarioParams(name, values, declaredLimit);
  const workersText = text(values, 'workers');
  const workers = workersText !== undefined ? parseWholeNumber(workersText, '--workers', 0, 64) : undefined;
  const timeoutText = text(values, 'timeout');
  const timeoutMs = timeoutText !== undefined ? parseWholeNumber(timeoutText, '--timeout', 100, 600_000) : 60_000;
  const maxRequestsText = text(values, 'max-requests');
  const maxRequests = maxRequestsText !== undefined ? parseWholeNumber(maxRequestsText, '--max-requests', 1, defaultLoadLimits.maxRequests) : defaultLoadLimits.maxRequests;
  const warmUpText = text(values, 'warm-up');
  const warmUpMs = warmUpText !== undefined ? parseWholeNumber(warmUpText, '--warm-up', 0, 60_000) : undefined;
  const k6 = engine === 'k6' ? findK6(io.env.PATH) : undefined;
  if (engine === 'k6' && !k6) throw usageError('BOCA_USAGE', k6InstallHelp);
  const bundle = engine === 'k6' ? bundlePath(name) : undefined;
  if (engine === 'k6') {
    // The Node engine checks its caps on the whole plan; k6 gets the same rails on the knobs.
    if (params.rate > defaultLoadLimits.maxRate) throw usageError('BOCA_USAGE', `--rate ${params.rate}: above the cap of ${defaultLoadLimits.maxRate}/s per run.`);
    if (params.durationSeconds * 1000 > defaultLoadLimits.maxDurationMs) throw usageError('BOCA_USAGE', `--duration ${params.durationSeconds}s: above the cap of ${defaultLoadLimits.maxDurationMs / 1000} s.`);
    if (params.rate * params.durationSeconds > maxRequests) throw usageError('BOCA_USAGE', `${params.rate}/s for ${params.durationSeconds} s: above the cap of ${maxRequests} requests per run.`);
  }

  const targetText = text(values, 'target') ?? config.target;
  let target: URL;
  let partner: Credentials;
  let embedded: EmbeddedTarget | undefined;
  if (targetText !== undefined) {
    try {
      target = new URL(targetText);
    } catch {
      throw usageError('BOCA_USAGE', `--target ${targetText}: expected an http(s) URL such as http://127.0.0.1:8787`);
    }
    if (!config.partners.primary) throw usageError('BOCA_CREDENTIALS', `To load-test ${target.href} the harness needs its credentials: set BOCA_API_KEY and BOCA_API_SECRET.`);
    partner = config.partners.primary;
    checkTargetAllowed(target, config.allowHosts);
  } else {
    embedded = await startEmbeddedTarget(config.profile, { rateLimit: declaredLimit, latencyMs: 0 });
    target = embedded.url;
    partner = embedded.partners.primary;
  }
  const runId = newRunId();
  const reportsDir = resolve(io.cwd, text(values, 'reports') ?? 'reports');
  io.stdout.write(`Load ${name} on ${embedded ? `${target.origin} (embedded sandbox, limit ${declaredLimit.requestsPerSecond}/s burst ${declaredLimit.burst})` : target.href}: ${params.rate}/s for ${params.durationSeconds} s, ${engine} engine, run ${runId}\n`);
  const tty = io.stdout.isTTY === true;
  let summary: LoadSummary | undefined;
  let k6Exit: number | undefined;
  try {
    if (engine === 'k6') {
      const k6Run = await runK6({ k6: k6!, bundle: bundle!, target, partner, profile: config.profile, params, runId, reportsDir, signal: io.signal, stdout: io.stdout, stderr: io.stderr, env: io.env });
      k6Exit = k6Run.exitCode;
      summary = k6Run.summary;
      if (!summary) {
        io.stderr.write(`boca-harness: k6 exited with code ${k6Exit} without writing its summary.\n`);
        return io.signal.aborted ? interruptedExitCode(io.signal) : k6Exit === 0 ? 3 : k6Exit;
      }
    } else {
      summary = await runLoad({
        definition,
        params,
        target,
        profile: config.profile,
        partner,
        signal: io.signal,
        allowHosts: config.allowHosts,
        timeoutMs,
        runId,
        ...(warmUpMs !== undefined ? { warmUpMs } : {}),
        limits: { maxRequests },
        // Worker threads only hear an abort that comes after they start: a run already interrupted stays in this thread, where it ends at once.
        ...(io.signal.aborted ? { workers: 0 } : workers !== undefined ? { workers } : {}),
        ...(tty ? { onProgress: (p) => io.stdout.write(`\r\x1b[2K${formatProgressLine(p)}`) } : {}),
      });
      if (tty) io.stdout.write('\r\x1b[2K');
    }
  } finally {
    await embedded?.close();
  }
  printSummary(summary, io);
  const written = await writeLoadReports(summary, reportsDir, { env: io.env, secrets: [partner.secret] });
  io.stdout.write(`Reports: ${written.directory}/ (load.html, load.md, load.json)\n`);
  if (!summary.complete && (io.signal.aborted || summary.stoppedEarly !== 'request-cap')) {
    io.stderr.write('boca-harness: interrupted; the report holds what ran so far and is marked incomplete.\n');
    return interruptedExitCode(io.signal);
  }
  if (!summary.complete) {
    io.stderr.write(
      `boca-harness: the run stopped at the cap of ${formatCount(maxRequests)} requests (a constant-vus phase sends as fast as the target answers); the report holds what ran and is marked incomplete. Shorten --duration, lower --vus or raise --max-requests (at most ${formatCount(defaultLoadLimits.maxRequests)}).\n`,
    );
  }
  if (summary.thresholds.some((t) => !t.passed)) return 99;
  if ((summary.checks ?? []).some((c) => !c.passed)) return 1;
  if (!summary.complete) return 2;
  return k6Exit !== undefined && k6Exit !== 0 ? k6Exit : 0;
}

export const loadCommand: Command = {
  name: 'load',
  summary: 'run a load scenario (throughput, rate-limit, idempotency-storm) with the Node engine or k6',
  help,
  options: {
    scenario: { type: 'string' },
    target: { type: 'string' },
    engine: { type: 'string' },
    rate: { type: 'string' },
    duration: { type: 'string' },
    vus: { type: 'string' },
    'rate-limit': { type: 'string' },
    burst: { type: 'string' },
    workers: { type: 'string' },
    timeout: { type: 'string' },
    'warm-up': { type: 'string' },
    'max-requests': { type: 'string' },
    config: { type: 'string' },
    reports: { type: 'string' },
  },
  run,
};
