/**
 * The curl command at the end of every failure (style §6). A request the
 * client signed normally is re-signed with a fresh timestamp, since the
 * window expires; a tampered, skewed or unsigned request is shown exactly as
 * sent, because its headers are the finding. Either way the replay command
 * regenerates the case later, freshly signed.
 */
import type { Profile } from '../contract/profile.js';
import { formatRfc3339 } from '../contract/rfc3339.js';
import type { Exchange } from '../http/exchange.js';
import { curlCommand } from '../report/curl-command.js';
import { nodeCrypto } from '../signing/node-crypto.js';
import { signRequest, type Credentials } from '../signing/sign-request.js';

export interface ReproductionOptions {
  readonly profile: Profile;
  readonly partners: readonly Credentials[];
  /** The server's now, epoch ms, for the fresh timestamp. */
  readonly serverNowMs: () => number;
}

const dropped = new Set(['content-length', 'host', 'connection']);

export function reproduce(exchange: Exchange, { profile, partners, serverNowMs }: ReproductionOptions): string {
  const { request } = exchange;
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) if (!dropped.has(name.toLowerCase())) headers[name] = value;
  const partner = exchange.signedBy === undefined ? undefined : partners.find((p) => p.apiKey === exchange.signedBy);
  let note = `# sent as recorded in exchange ${exchange.id}: its auth headers are part of the finding`;
  if (partner) {
    const timestamp = formatRfc3339(serverNowMs());
    const bytes = request.bodyBase64 !== undefined ? new Uint8Array(Buffer.from(request.bodyBase64, 'base64')) : request.body;
    const { signature } = signRequest(
      { method: request.method, path: request.path, timestamp, ...(bytes !== undefined ? { body: bytes } : {}) },
      partner,
      { profile: profile.signing, crypto: nodeCrypto },
    );
    for (const name of Object.keys(headers)) {
      const lower = name.toLowerCase();
      if (lower === profile.headers.timestamp.toLowerCase()) headers[name] = timestamp;
      if (lower === profile.headers.signature.toLowerCase()) headers[name] = signature;
    }
    note = `# re-signed at ${timestamp}: valid for ±${profile.clockSkew.windowSeconds} s; after that use the replay command`;
  }
  const body =
    request.bodyBase64 !== undefined
      ? { bodyFile: `<(printf %s ${request.bodyBase64} | base64 -d)` }
      : request.body !== undefined
        ? { body: request.body }
        : {};
  const command = curlCommand({ method: request.method, url: request.url, headers, ...body });
  // curlCommand quotes file names; a process substitution must stay unquoted for the shell to run it.
  const runnable = request.bodyBase64 !== undefined ? command.replace(/@'(<\(printf %s [^']*\| base64 -d\))'/, '@$1') : command;
  return `${note}\n${runnable}`;
}
