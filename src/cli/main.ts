/** Wires the commands: parses argv, prints help, maps errors to exit codes (0 ok, 1 finding, 2 usage). */
import { parseArgs } from 'node:util';
import { isUsageError, usageError } from '../errors.js';
import type { Command, CommandIo } from './command.js';
import { commands } from './commands/index.js';

const version = '0.1.0';

function overview(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'boca-harness: conformance and load testing for the Boca Raton Partner API (POST /v1/users)',
    '',
    'Usage: boca-harness <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run `boca-harness <command> --help` for a command\'s options and examples.',
    'Credentials come from BOCA_API_KEY / BOCA_API_SECRET (and _2 for a second partner).',
    '',
  ].join('\n');
}

function defaultIo(): CommandIo & { dispose(): void } {
  const controller = new AbortController();
  let interrupts = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    interrupts++;
    if (interrupts > 1) process.exit(signal === 'SIGINT' ? 130 : 143);
    controller.abort(signal);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
    signal: controller.signal,
    dispose() {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}

async function runCommand(command: Command, argv: string[], io: CommandIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: { ...command.options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: command.allowPositionals ?? false,
      strict: true,
    });
  } catch (error) {
    throw usageError('BOCA_USAGE', `${(error as Error).message}\nRun \`boca-harness ${command.name} --help\` for its options.`);
  }
  if (parsed.values.help) {
    io.stdout.write(command.help.endsWith('\n') ? command.help : `${command.help}\n`);
    return 0;
  }
  return command.run(parsed.values, parsed.positionals, io);
}

/** Runs the CLI with `argv` (without node and script) and resolves to the process exit code. */
export async function main(argv: string[], io?: CommandIo): Promise<number> {
  const owned = io ? undefined : defaultIo();
  const effectiveIo = io ?? owned!;
  try {
    const [name, ...rest] = argv;
    if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
      effectiveIo.stdout.write(overview());
      return name === undefined ? 2 : 0;
    }
    if (name === '--version' || name === '-v') {
      effectiveIo.stdout.write(`${version}\n`);
      return 0;
    }
    const command = commands.find((c) => c.name === name);
    if (!command) throw usageError('BOCA_USAGE', `Unknown command "${name}". Commands: ${commands.map((c) => c.name).join(', ')}.`);
    return await runCommand(command, rest, effectiveIo);
  } catch (error) {
    if (isUsageError(error)) {
      effectiveIo.stderr.write(`boca-harness: ${error.message}\n`);
      return 2;
    }
    effectiveIo.stderr.write(`boca-harness: internal error (a bug in the harness, please report it)\n${(error as Error)?.stack ?? String(error)}\n`);
    return 3;
  } finally {
    owned?.dispose();
  }
}
