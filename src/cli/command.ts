/** The shape of a CLI command: its options, its help, and one async function that returns an exit code. */
import type { ParseArgsConfig } from 'node:util';

/** Where a command writes and what it reads from its environment; tests pass their own. */
export interface CommandIo {
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean };
  readonly stderr: NodeJS.WritableStream;
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
  /** Aborted on Ctrl-C (SIGINT) or SIGTERM. */
  readonly signal: AbortSignal;
}

export type OptionValues = { [name: string]: string | boolean | (string | boolean)[] | undefined };

export interface Command {
  readonly name: string;
  /** One line for the command list. */
  readonly summary: string;
  /** The full help: usage, options, examples. */
  readonly help: string;
  readonly options: NonNullable<ParseArgsConfig['options']>;
  readonly allowPositionals?: boolean;
  /** Runs the command; throws a usage error for bad input; never calls process.exit. */
  run(values: OptionValues, positionals: string[], io: CommandIo): Promise<number>;
}
