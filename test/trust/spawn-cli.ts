/**
 * Runs the built CLI (`node bin/boca-harness.js`) as a real child process,
 * so a test sees every byte the process writes and can send it real signals.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** Builds dist/ when it is missing (npm test builds first; a lone vitest run may not have). */
export function ensureBuilt(): void {
  if (!existsSync(new URL('../../dist/cli.js', import.meta.url))) execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: repoRoot, stdio: 'inherit' });
}

export interface Exit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  /** `performance.now()` when the process exited. */
  readonly atMs: number;
}

export interface SpawnedCli {
  readonly child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Every byte written to stdout, then stderr. */
  bytes(): Buffer;
  readonly exited: Promise<Exit>;
  /** Resolves once stdout matches `pattern`; rejects if the process exits first or after `timeoutMs`. */
  waitForStdout(pattern: RegExp, timeoutMs?: number): Promise<void>;
}

/** Spawns `node bin/boca-harness.js ...args` with exactly `env` (plus PATH) in `cwd`. */
export function spawnCli(args: readonly string[], options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): SpawnedCli {
  const child = spawn(process.execPath, [`${repoRoot}bin/boca-harness.js`, ...args], {
    cwd: options.cwd ?? repoRoot,
    env: { PATH: process.env.PATH, NO_COLOR: '1', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  const listeners = new Set<() => void>();
  child.stdout!.on('data', (chunk: Buffer) => {
    out.push(chunk);
    for (const listener of listeners) listener();
  });
  child.stderr!.on('data', (chunk: Buffer) => err.push(chunk));
  const exited = new Promise<Exit>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal, atMs: performance.now() })));
  const stdout = () => Buffer.concat(out).toString('utf8');
  return {
    child,
    stdout,
    stderr: () => Buffer.concat(err).toString('utf8'),
    bytes: () => Buffer.concat([...out, ...err]),
    exited,
    waitForStdout(pattern, timeoutMs = 30_000) {
      return new Promise<void>((resolve, reject) => {
        const check = () => {
          if (!pattern.test(stdout())) return;
          done();
          resolve();
        };
        const timer = setTimeout(() => {
          done();
          reject(new Error(`no ${pattern} on stdout within ${timeoutMs} ms:\n${stdout()}`));
        }, timeoutMs);
        const done = () => {
          clearTimeout(timer);
          listeners.delete(check);
        };
        listeners.add(check);
        void exited.then(() => {
          if (!listeners.has(check)) return;
          done();
          reject(new Error(`exited before ${pattern} on stdout:\n${stdout()}\n${Buffer.concat(err).toString('utf8')}`));
        });
        check();
      });
    },
  };
}
