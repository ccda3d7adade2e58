/** `boca-harness serve`: the local sandbox of the Partner API (the default profile), until Ctrl-C. */
import { resolve } from 'node:path';
import type { Profile } from '../../contract/profile.js';
import { loadConfig } from '../../config/load-config.js';
import { usageError } from '../../errors.js';
import { faultCatalogue } from '../../sandbox/faults/index.js';
import { variantCatalogue } from '../../sandbox/variants/index.js';
import { parseRequestsPerSecond, parseWholeNumber } from '../rate-limit-option.js';
import { defaultSandboxPartners, type SandboxPartner } from '../../sandbox/sandbox-partner.js';
import { startSandbox, type StartedSandbox, type StartSandboxOptions } from '../../sandbox/start-sandbox.js';
import type { Command, CommandIo, OptionValues } from '../command.js';

const defaultPort = 8787;

const help = `Usage: boca-harness serve [options]

Runs the sandbox: a local, faithful implementation of POST /v1/users under
the default profile (contract.md), for developing a client and as the
harness's default target. It prints its URL and the partners' credentials,
and runs until Ctrl-C.

Options:
  --port N             port to listen on (default ${defaultPort}; 0 picks a free port)
  --host H             interface to listen on (default 127.0.0.1)
  --db FILE            keep users and idempotent results in this SQLite file,
                       so they survive a restart (default: in memory)
  --fault NAME         switch on a named fault (repeatable); see the list below
  --variant NAME       switch on a named variant (repeatable): a legitimate way
                       to keep the contract (its MAYs); see the list below
  --rate-limit RATE    per API key: 50, 50/s or 3000/m (default: the profile's, 50/s)
  --burst N            requests that may arrive at once (default: the profile's
                       burst, or one second's worth of --rate-limit)
  --no-rate-limit      never answer 429 (and send no RateLimit headers)
  --latency MS         simulated processing time of each request that carries
                       an Idempotency-Key, which stays in flight meanwhile
                       (default 0)
  --debug-signatures   on a 401, log why to stderr; for a bad signature, the
                       canonical string the sandbox expected and the body SHA-256
  --config FILE        boca.config.json with profile and sandbox settings
                       (default: ./boca.config.json if present)
  -h, --help           show this help

Partners: two built-in sandbox partners, pk_sandbox_partner1 and
pk_sandbox_partner2, unless the config file's "sandbox.partners" or
BOCA_API_KEY/BOCA_API_SECRET (and _2) name others.

Faults (each breaks one rule of the contract, so a check can be seen to fire):
${faultCatalogue.map((f) => `  ${f.name.padEnd(34)} ${f.section} ${f.description}`).join('\n')}

Variants (each does what the contract allows differently; the suite passes on all):
${variantCatalogue.map((v) => `  ${v.name.padEnd(34)} ${v.section} ${v.description}`).join('\n')}

Examples:
  boca-harness serve
  boca-harness serve --port 0 --db sandbox.db
  boca-harness serve --rate-limit 5/s --burst 2 --debug-signatures
  boca-harness serve --fault signature-not-checked --fault minors-accepted
  boca-harness serve --variant fixed-window-limiter --variant retry-after-http-date
  boca-harness serve --no-rate-limit --latency 200   # observe 409s for keys in flight
`;

/** Where each partner's secret came from: built-in sandbox secrets are printed, others never. */
interface PartnerSource {
  readonly partner: SandboxPartner;
  /** Printed instead of the secret; undefined prints the (sandbox-only) secret. */
  readonly secretFrom?: string;
}

/** What serve takes from the config file and the environment. */
interface ServeSettings {
  readonly profile: Profile;
  readonly partners: readonly PartnerSource[];
  readonly port?: number;
}

/**
 * The adapter to src/config: profile, sandbox partners and port. Precedence
 * for partners: the config file's `sandbox.partners`, else BOCA_API_KEY /
 * BOCA_API_SECRET (and _2), each falling back to a built-in sandbox partner.
 */
function serveSettings(configPath: string | undefined, io: CommandIo): ServeSettings {
  const config = loadConfig({ ...(configPath !== undefined ? { configPath } : {}), cwd: io.cwd, env: io.env });
  const fromFile = config.sandbox.partners;
  const partners: PartnerSource[] = fromFile
    ? fromFile.map((partner) => ({ partner, secretFrom: config.source ?? 'the config file' }))
    : [
        config.partners.primary ? { partner: config.partners.primary, secretFrom: 'BOCA_API_SECRET' } : { partner: defaultSandboxPartners[0]! },
        config.partners.secondary ? { partner: config.partners.secondary, secretFrom: 'BOCA_API_SECRET_2' } : { partner: defaultSandboxPartners[1]! },
      ];
  return { profile: config.profile, partners, ...(config.sandbox.port !== undefined && { port: config.sandbox.port }) };
}

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

function sandboxOptions(values: OptionValues, settings: ServeSettings, io: CommandIo): StartSandboxOptions {
  const rateText = text(values['rate-limit']);
  const burstText = text(values.burst);
  if (values['no-rate-limit'] && (rateText !== undefined || burstText !== undefined)) {
    throw usageError('BOCA_USAGE', '--no-rate-limit cannot be combined with --rate-limit or --burst.');
  }
  const requestsPerSecond = rateText === undefined ? undefined : parseRequestsPerSecond(rateText);
  const burst = burstText !== undefined ? parseWholeNumber(burstText, '--burst', 1) : requestsPerSecond !== undefined ? Math.max(1, Math.round(requestsPerSecond)) : undefined;
  const portText = text(values.port);
  const latencyText = text(values.latency);
  const db = text(values.db);
  const faults = (Array.isArray(values.fault) ? values.fault : values.fault === undefined ? [] : [values.fault]).map(String);
  const variants = (Array.isArray(values.variant) ? values.variant : values.variant === undefined ? [] : [values.variant]).map(String);
  return {
    profile: settings.profile,
    partners: settings.partners.map((p) => p.partner),
    faults,
    variants,
    rateLimit: values['no-rate-limit'] ? false : { ...(requestsPerSecond !== undefined && { requestsPerSecond }), ...(burst !== undefined && { burst }) },
    port: portText !== undefined ? parseWholeNumber(portText, '--port', 0, 65_535) : (settings.port ?? defaultPort),
    host: text(values.host) ?? '127.0.0.1',
    latencyMs: latencyText !== undefined ? parseWholeNumber(latencyText, '--latency', 0, 600_000) : 0,
    debugSignatures: values['debug-signatures'] === true,
    log: (line) => io.stderr.write(`${line}\n`),
    ...(db !== undefined && { dbPath: resolve(io.cwd, db) }),
  };
}

function banner(sandbox: StartedSandbox, settings: ServeSettings, options: StartSandboxOptions): string {
  const { url, profile, rateLimit, faults } = sandbox;
  const first = settings.partners[0]!;
  const signEnv = first.secretFrom === undefined ? `BOCA_API_KEY=${first.partner.apiKey} BOCA_API_SECRET=${first.partner.secret} ` : '';
  const lines = [
    `Partner API sandbox listening on ${url}`,
    `  endpoint    ${profile.endpoint.method} ${url}${profile.endpoint.path}`,
    `  storage     ${options.dbPath ? `SQLite ${options.dbPath} (survives restarts)` : 'in memory (lost on exit; --db FILE keeps it)'}`,
    `  rate limit  ${rateLimit ? `${+rateLimit.requestsPerSecond.toFixed(3)} requests/s per API key, burst ${rateLimit.burst}` : 'off'}`,
    `  clock skew  ±${profile.clockSkew.windowSeconds} s; Idempotency-Key kept ${profile.idempotency.ttlSeconds} s`,
    ...(options.latencyMs ? [`  latency     ${options.latencyMs} ms per request`] : []),
    `  faults      ${faults.length === 0 ? 'none (healthy)' : faults.map((f) => f.name).join(', ')}`,
    ...faults.map((f) => `              ${f.section} ${f.name}: ${f.description}`),
    ...(options.variants?.length ? [`  variants    ${options.variants.join(', ')}`] : []),
    '  partners:',
    ...settings.partners.map(({ partner, secretFrom }) => `    X-Api-Key ${partner.apiKey}  secret ${secretFrom === undefined ? partner.secret : `(secret from ${secretFrom})`}`),
    '',
    'Sign and send a request:',
    `  ${signEnv}boca-harness sign --body user.json --target ${url} --curl | sh`,
    'Press Ctrl-C to stop.',
    '',
  ];
  return lines.join('\n');
}

async function run(values: OptionValues, _positionals: string[], io: CommandIo): Promise<number> {
  const settings = serveSettings(text(values.config), io);
  const options = sandboxOptions(values, settings, io);
  let sandbox: StartedSandbox;
  try {
    sandbox = await startSandbox(options);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw usageError('BOCA_USAGE', `Port ${options.port} is already in use; choose another with --port (0 picks a free one).`);
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') throw usageError('BOCA_USAGE', `Cannot listen on --host ${options.host}: ${code}.`);
    throw error;
  }
  io.stdout.write(banner(sandbox, settings, options));
  if (!io.signal.aborted) await new Promise<void>((done) => io.signal.addEventListener('abort', () => done(), { once: true }));
  await sandbox.close();
  io.stdout.write('Sandbox stopped.\n');
  return 0;
}

export const serveCommand: Command = {
  name: 'serve',
  summary: 'run the local sandbox of the Partner API (until Ctrl-C)',
  help,
  options: {
    port: { type: 'string' },
    host: { type: 'string' },
    db: { type: 'string' },
    fault: { type: 'string', multiple: true },
    variant: { type: 'string', multiple: true },
    'rate-limit': { type: 'string' },
    burst: { type: 'string' },
    'no-rate-limit': { type: 'boolean' },
    latency: { type: 'string' },
    'debug-signatures': { type: 'boolean' },
    config: { type: 'string' },
  },
  run,
};
