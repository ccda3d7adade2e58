/** The options `conformance`, `replay` and `certify` share, and their parsing into ConformanceOptions. */
import type { ParseArgsConfig } from 'node:util';
import { loadConfig, type HarnessConfig } from '../config/index.js';
import type { DeclaredRateLimit } from '../conformance/run-conformance.js';
import { usageError } from '../errors.js';
import type { CommandIo, OptionValues } from './command.js';
import { parseRequestsPerSecond, parseWholeNumber } from './rate-limit-option.js';

export const targetOptions: NonNullable<ParseArgsConfig['options']> = {
  target: { type: 'string' },
  config: { type: 'string' },
  'rate-limit': { type: 'string' },
  burst: { type: 'string' },
  'max-rps': { type: 'string' },
  timeout: { type: 'string' },
  reports: { type: 'string' },
};

export const targetOptionsHelp = `  --target URL         the API under test (default: config "target", else the
                       embedded sandbox on an ephemeral loopback port)
  --config FILE        boca.config.json (default: ./boca.config.json if present)
  --rate-limit RATE    the declared limit per API key: 50, 50/s, 3000/m, or auto
                       to discover it (default: the profile's, 50/s; the
                       embedded sandbox declares its own, 1000/s)
  --burst N            the declared burst (default: the profile's)
  --max-rps N          pace requests below this (default: 80% of the limit)
  --timeout MS         per-request deadline (default 10000)
  --reports DIR        where reports/<run-id>/ goes (default ./reports)`;

const text = (values: OptionValues, name: string): string | undefined => {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
};

export interface TargetSettings {
  readonly config: HarnessConfig;
  readonly target?: URL;
  readonly rateLimit?: DeclaredRateLimit | 'auto';
  readonly maxRps?: number;
  readonly timeoutMs: number;
  readonly reportsDir: string;
}

/** Reads the shared options and the config; every bad value is a usage error naming the option. */
export function targetSettings(values: OptionValues, io: CommandIo): TargetSettings {
  const configPath = text(values, 'config');
  const config = loadConfig({ ...(configPath !== undefined ? { configPath } : {}), cwd: io.cwd, env: io.env });
  const targetText = text(values, 'target') ?? config.target;
  let target: URL | undefined;
  if (targetText !== undefined) {
    try {
      target = new URL(targetText);
    } catch {
      throw usageError('BOCA_USAGE', `--target ${targetText}: expected an http(s) URL such as http://127.0.0.1:8787`);
    }
    if (target.protocol !== 'http:' && target.protocol !== 'https:') {
      throw usageError('BOCA_USAGE', `--target ${targetText}: expected an http or https URL`);
    }
  }
  const rateText = text(values, 'rate-limit');
  const burstText = text(values, 'burst');
  let rateLimit: DeclaredRateLimit | 'auto' | undefined;
  if (rateText === 'auto') rateLimit = 'auto';
  else if (rateText !== undefined || burstText !== undefined) {
    const requestsPerSecond = rateText !== undefined ? parseRequestsPerSecond(rateText) : config.profile.rateLimit.requestsPerSecond;
    const burst = burstText !== undefined ? parseWholeNumber(burstText, '--burst', 1) : undefined;
    rateLimit = { requestsPerSecond, ...(burst !== undefined ? { burst } : {}) };
  }
  const maxRpsText = text(values, 'max-rps');
  const timeoutText = text(values, 'timeout');
  return {
    config,
    ...(target ? { target } : {}),
    ...(rateLimit ? { rateLimit } : {}),
    ...(maxRpsText !== undefined ? { maxRps: parseRequestsPerSecond(maxRpsText, '--max-rps') } : {}),
    timeoutMs: timeoutText !== undefined ? parseWholeNumber(timeoutText, '--timeout', 100, 600_000) : 10_000,
    reportsDir: text(values, 'reports') ?? 'reports',
  };
}

/** The parts of a conformance run that come from the shared options (target, credentials, limits, signal). */
export function sessionOptions(settings: TargetSettings, io: CommandIo) {
  return {
    profile: settings.config.profile,
    ...(settings.target ? { target: settings.target } : {}),
    partners: settings.config.partners,
    ...(settings.rateLimit ? { rateLimit: settings.rateLimit } : {}),
    ...(settings.maxRps !== undefined ? { maxRps: settings.maxRps } : {}),
    timeoutMs: settings.timeoutMs,
    signal: io.signal,
  };
}
