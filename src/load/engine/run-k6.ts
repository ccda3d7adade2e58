/**
 * `--engine k6`: runs `k6 run` on the scenario's bundle (dist/scenarios/<name>.js)
 * with the BOCA_* environment its handleSummary reads, and reads back the
 * LoadSummary that handleSummary writes (BOCA_SUMMARY_FILE). k6 is a
 * separate program (AGPL), invoked, never bundled.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import type { Profile } from '../../contract/profile.js';
import type { Credentials } from '../../signing/sign-request.js';
import type { LoadSummary } from '../load-summary.js';
import type { ScenarioParams } from '../scenario-definition.js';

/** Printed when k6 is not on the PATH. */
export const k6InstallHelp = `k6 is not installed (no k6 on the PATH). Install it:
  https://grafana.com/docs/k6/latest/set-up/install-k6/   (brew install k6, apt, winget, docker grafana/k6, or a release binary)
  in GitHub Actions: uses: grafana/setup-k6-action@v1 with k6-version: '2.2.0'
or run the same scenario with the Node engine: --engine node (the default).`;

/** The k6 executable on `pathEnv`, or undefined. */
export function findK6(pathEnv: string | undefined, platform = process.platform): string | undefined {
  const names = platform === 'win32' ? ['k6.exe', 'k6.cmd'] : ['k6'];
  for (const dir of (pathEnv ?? '').split(delimiter).filter(Boolean)) {
    for (const name of names) if (existsSync(join(dir, name))) return join(dir, name);
  }
  return undefined;
}

export interface RunK6Options {
  readonly k6: string;
  /** dist/scenarios/<name>.js */
  readonly bundle: string;
  readonly target: URL;
  readonly partner: Credentials;
  readonly profile: Profile;
  readonly params: ScenarioParams;
  readonly runId: string;
  readonly reportsDir: string;
  readonly signal: AbortSignal;
  /** k6's own output goes here. */
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
  readonly env: NodeJS.ProcessEnv;
}

export interface K6Run {
  /** k6's exit code (99: a threshold failed; 108: aborted by the script). */
  readonly exitCode: number;
  readonly summary?: LoadSummary;
}

/** The BOCA_* variables the k6 bindings read (src/load/k6/bind-scenario.ts). */
export function k6Environment(options: Omit<RunK6Options, 'k6' | 'bundle' | 'signal' | 'stdout' | 'stderr' | 'env'>, summaryFile: string, profileFile: string): Record<string, string> {
  return {
    BOCA_TARGET: options.target.href,
    BOCA_API_KEY: options.partner.apiKey,
    BOCA_API_SECRET: options.partner.secret,
    BOCA_RUN_ID: options.runId,
    BOCA_RATE: String(options.params.rate),
    BOCA_DURATION: String(options.params.durationSeconds),
    BOCA_VUS: String(options.params.vus),
    BOCA_LIMIT_RPS: String(options.params.declaredLimit.requestsPerSecond),
    BOCA_LIMIT_BURST: String(options.params.declaredLimit.burst),
    BOCA_PROFILE: profileFile,
    BOCA_REPORTS_DIR: options.reportsDir,
    BOCA_SUMMARY_FILE: summaryFile,
  };
}

export async function runK6(options: RunK6Options): Promise<K6Run> {
  const dir = await mkdtemp(join(tmpdir(), 'boca-k6-'));
  try {
    const summaryFile = join(dir, 'load.json');
    const profileFile = join(dir, 'profile.json');
    await writeFile(profileFile, JSON.stringify(options.profile));
    const child = spawn(options.k6, ['run', '--quiet', options.bundle], {
      env: { ...options.env, ...k6Environment(options, summaryFile, profileFile) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.pipe(options.stdout, { end: false });
    child.stderr.pipe(options.stderr, { end: false });
    // k6 stops gracefully on SIGINT and still runs handleSummary.
    const stop = () => child.kill('SIGINT');
    options.signal.addEventListener('abort', stop, { once: true });
    const exitCode = await new Promise<number>((resolve, reject) => {
      child.once('error', reject);
      child.once('close', (code, signal) => resolve(code ?? (signal ? 130 : 1)));
    }).finally(() => options.signal.removeEventListener('abort', stop));
    const text = await readFile(summaryFile, 'utf8').catch(() => undefined);
    return { exitCode, ...(text ? { summary: JSON.parse(text) as LoadSummary } : {}) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
