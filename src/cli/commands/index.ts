/** The explicit list of commands, in the order `--help` shows them. */
import type { Command } from '../command.js';
import { certifyCommand } from './certify.js';
import { conformanceCommand } from './conformance.js';
import { loadCommand } from './load.js';
import { replayCommand } from './replay.js';
import { selfTestCommand } from './self-test.js';
import { serveCommand } from './serve.js';
import { signCommand } from './sign.js';

export const commands: readonly Command[] = [certifyCommand, conformanceCommand, replayCommand, loadCommand, serveCommand, signCommand, selfTestCommand];
