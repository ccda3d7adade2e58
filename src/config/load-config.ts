/** Finding, reading and parsing the config file (Node only: it reads the file system). */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { usageError } from '../errors.js';
import { configFileName } from './config-file-schema.js';
import { resolveConfig, type HarnessConfig } from './resolve-config.js';

export interface LoadConfigOptions {
  /** A path given explicitly (`--config`), relative to `cwd`; it must exist. */
  readonly configPath?: string;
  /** Where `boca.config.json` is looked for when no path is given. */
  readonly cwd: string;
  /** The environment, for credentials (usually `process.env`). */
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** `line 3, column 5` of a character offset in `text`. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

/** Parses JSON, throwing a `BOCA_CONFIG` usage error that names the file, line and column. */
export function parseConfigJson(text: string, path: string): unknown {
  const body = text.replace(/^\uFEFF/, '');
  try {
    return JSON.parse(body);
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).replace(/\s*\(line \d+ column \d+\)/, '');
    const offset = /at position (\d+)/.exec(reason)?.[1];
    const { line, column } = lineAndColumn(body, offset === undefined ? body.length : Number(offset));
    const why = reason.replace(/ in JSON at position \d+/, '').replace(/^Unexpected end of JSON input$/, 'unexpected end of input');
    throw usageError('BOCA_CONFIG', `${path}:${line}:${column}: not valid JSON (${why}); expected a JSON object`);
  }
}

function readConfigText(path: string, explicit: boolean): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'ENOENT' && !explicit) return undefined;
    const problem = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : `cannot be read (${String(code)})`;
    throw usageError('BOCA_CONFIG', `${path}: ${problem}; expected a readable JSON config file`);
  }
}

/**
 * The harness configuration: `configPath` when given (an error if it is
 * missing), else `boca.config.json` in `cwd` if there is one, else the
 * defaults; credentials from `env`. Throws usage errors (`BOCA_CONFIG`,
 * `BOCA_CREDENTIALS`) whose messages name the file (absolute path), key and
 * expected form. `source` in the result is that absolute path.
 */
export function loadConfig({ configPath, cwd, env }: LoadConfigOptions): HarnessConfig {
  const path = resolve(cwd, configPath ?? configFileName);
  const text = readConfigText(path, configPath !== undefined);
  if (text === undefined) return resolveConfig(undefined, env);
  return resolveConfig(parseConfigJson(text, path), env, path);
}
