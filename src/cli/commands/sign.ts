/** `boca-harness sign`: the canonical string, body hash, signature and a curl command for one request. */
import { readFile } from 'node:fs/promises';
import { loadConfig } from '../../config/index.js';
import type { Profile } from '../../contract/profile.js';
import { formatRfc3339, parseRfc3339 } from '../../contract/rfc3339.js';
import { uuidPattern } from '../../contract/responses.js';
import { usageError } from '../../errors.js';
import { curlCommand } from '../../report/curl-command.js';
import { nodeCrypto } from '../../signing/node-crypto.js';
import { signRequest } from '../../signing/sign-request.js';
import type { Command, CommandIo, OptionValues } from '../command.js';

const help = `Usage: boca-harness sign --body FILE|- [options]

Signs one request the way the Partner API expects (contract §1) and prints
the canonical string, the body's SHA-256, the signature and a ready-to-run
curl command. The secret is read from BOCA_API_SECRET and is never printed.

Options:
  --body FILE|-          the exact body bytes to send (- reads standard input)
  --method M             HTTP method (default POST)
  --path P               request-target as sent, query included (default /v1/users)
  --timestamp T          X-Request-Timestamp to sign (default: now, UTC)
  --target URL           base URL for the curl command (default: config target,
                         else http://127.0.0.1:8787, the sandbox)
  --idempotency-key K    add an Idempotency-Key header (a UUID)
  --config FILE          boca.config.json with the signing profile
  --curl                 print only the curl command (pipe it to sh to send it)
  --json                 print the result as JSON instead of text
  -h, --help             show this help

Environment:
  BOCA_API_KEY           the partner's API key (X-Api-Key)
  BOCA_API_SECRET        the partner's signing secret

Examples:
  # sign the seed's example body against the local sandbox and run it
  export BOCA_API_KEY=pk_sandbox_partner1 BOCA_API_SECRET=sk_sandbox_partner1_do_not_use_in_production
  boca-harness sign --body examples/create-user.json
  boca-harness sign --body examples/create-user.json --curl | sh

  # see why a signature differs: compare this canonical string with yours
  echo -n '{"email":"zoe@example.com"}' | boca-harness sign --body - --timestamp 2024-05-01T12:00:00Z
`;

export interface SignResult {
  readonly canonicalString: string;
  readonly bodySha256: string;
  readonly signature: string;
  readonly curl: string;
}

export interface SignInput {
  readonly body: string;
  readonly bodyFile?: string;
  readonly method: string;
  readonly path: string;
  readonly timestamp: string;
  readonly target: string;
  readonly apiKey: string;
  readonly secret: string;
  readonly idempotencyKey?: string;
  readonly profile: Profile;
}

/** Signs `input` and builds its curl command. */
export function signForCurl(input: SignInput): SignResult {
  const signed = signRequest(
    { method: input.method, path: input.path, timestamp: input.timestamp, body: input.body },
    { apiKey: input.apiKey, secret: input.secret },
    { profile: input.profile.signing, crypto: nodeCrypto },
  );
  const { headers } = input.profile;
  const curl = curlCommand({
    method: input.method,
    url: new URL(input.path, input.target).href,
    headers: {
      'Content-Type': 'application/json',
      [headers.apiKey]: input.apiKey,
      [headers.timestamp]: input.timestamp,
      [headers.signature]: signed.signature,
      ...(input.idempotencyKey ? { [headers.idempotencyKey]: input.idempotencyKey } : {}),
    },
    ...(input.bodyFile !== undefined ? { bodyFile: input.bodyFile } : { body: input.body }),
  });
  return { ...signed, curl };
}

async function readStdin(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

const text = (values: OptionValues, name: string): string | undefined => {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
};

/** Reads options and environment into a SignInput, or throws a usage error that says what is missing. */
export async function signInput(values: OptionValues, io: CommandIo, stdin: NodeJS.ReadableStream): Promise<SignInput> {
  const bodyOption = text(values, 'body');
  if (bodyOption === undefined) throw usageError('BOCA_USAGE', 'sign needs --body FILE (or --body - to read standard input).');
  const configPath = text(values, 'config');
  const config = loadConfig({ ...(configPath !== undefined ? { configPath } : {}), cwd: io.cwd, env: io.env });
  const { profile } = config;
  const credentials = config.partners.primary;
  if (!credentials) {
    throw usageError('BOCA_CREDENTIALS', 'sign needs BOCA_API_KEY and BOCA_API_SECRET in the environment (the sandbox prints its partners\' values when it starts).');
  }
  const { apiKey, secret } = credentials;
  let body: string;
  try {
    body = bodyOption === '-' ? await readStdin(stdin) : await readFile(new URL(bodyOption, `file://${io.cwd}/`), 'utf8');
  } catch (error) {
    throw usageError('BOCA_INPUT', `Cannot read the body file ${bodyOption}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const timestamp = text(values, 'timestamp') ?? formatRfc3339(Date.now());
  if (parseRfc3339(timestamp) === undefined) {
    throw usageError('BOCA_INPUT', `--timestamp ${timestamp} is not an RFC 3339 date-time (e.g. 2026-03-13T12:00:00Z).`);
  }
  const idempotencyKey = text(values, 'idempotency-key');
  if (idempotencyKey !== undefined && !uuidPattern.test(idempotencyKey)) {
    throw usageError('BOCA_INPUT', `--idempotency-key ${idempotencyKey} is not a UUID (8-4-4-4-12 hex digits).`);
  }
  const target = text(values, 'target') ?? config.target ?? 'http://127.0.0.1:8787';
  try {
    new URL(target);
  } catch {
    throw usageError('BOCA_INPUT', `--target ${target} is not a URL (e.g. http://127.0.0.1:8787).`);
  }
  const path = text(values, 'path') ?? profile.endpoint.path;
  if (!path.startsWith('/')) throw usageError('BOCA_INPUT', `--path ${path} must start with "/" (the request-target as sent).`);
  return {
    body,
    ...(bodyOption !== '-' ? { bodyFile: bodyOption } : {}),
    method: (text(values, 'method') ?? profile.endpoint.method).toUpperCase(),
    path,
    timestamp,
    target,
    apiKey,
    secret,
    ...(idempotencyKey !== undefined ? { idempotencyKey } : {}),
    profile,
  };
}

export const signCommand: Command = {
  name: 'sign',
  summary: 'sign one request and print its canonical string, signature and curl command',
  help,
  options: {
    body: { type: 'string' },
    method: { type: 'string' },
    path: { type: 'string' },
    timestamp: { type: 'string' },
    target: { type: 'string' },
    'idempotency-key': { type: 'string' },
    config: { type: 'string' },
    curl: { type: 'boolean' },
    json: { type: 'boolean' },
  },
  async run(values, _positionals, io) {
    const input = await signInput(values, io, process.stdin);
    const result = signForCurl(input);
    if (values.curl) {
      io.stdout.write(`${result.curl}\n`);
      return 0;
    }
    if (values.json) {
      io.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      return 0;
    }
    io.stdout.write(
      [
        'Canonical string (between the lines, \\n shown as line breaks):',
        '---',
        result.canonicalString,
        '---',
        `Body SHA-256:  ${result.bodySha256}`,
        `Signature:     ${result.signature}`,
        `Timestamp:     ${input.timestamp} (valid for ±${input.profile.clockSkew.windowSeconds} s)`,
        '',
        'curl:',
        result.curl,
        '',
      ].join('\n'),
    );
    return 0;
  },
};
