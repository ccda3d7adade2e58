/** The explicit list of commands, in the order `--help` shows them. */
import type { Command } from '../command.js';
import { serveCommand } from './serve.js';
import { signCommand } from './sign.js';

export const commands: readonly Command[] = [serveCommand, signCommand];
