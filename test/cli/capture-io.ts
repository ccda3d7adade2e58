/** A CommandIo that captures what a command writes, for calling commands directly in tests. */
import { PassThrough } from 'node:stream';
import type { CommandIo } from '../../src/cli/command.js';

export interface CapturedIo extends CommandIo {
  out(): string;
  err(): string;
  abort(): void;
}

export function captureIo(env: NodeJS.ProcessEnv = {}, cwd = process.cwd()): CapturedIo {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk) => (out += chunk));
  stderr.on('data', (chunk) => (err += chunk));
  const controller = new AbortController();
  return {
    stdout,
    stderr,
    env,
    cwd,
    signal: controller.signal,
    out: () => out,
    err: () => err,
    abort: () => controller.abort('SIGINT'),
  };
}
