/** A ready-to-run curl command for one request: the reproduction at the end of every failure (style §6). */

/** Quotes a value for POSIX shells: single quotes, with embedded single quotes closed, escaped and reopened. */
export function shellQuote(value: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(value) ? value : `'${value.replaceAll("'", `'\\''`)}'`;
}

export interface CurlRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  /** The exact body text; sent with --data-binary so no byte is changed. */
  readonly body?: string;
  /** Send the body from this file instead of inlining it. */
  readonly bodyFile?: string;
}

/** curl with one option per line, bytes of the body preserved exactly. */
export function curlCommand(request: CurlRequest): string {
  const lines = [`curl -sS -i -w '\\n' -X ${request.method.toUpperCase()} ${shellQuote(request.url)}`];
  for (const [name, value] of Object.entries(request.headers)) lines.push(`-H ${shellQuote(`${name}: ${value}`)}`);
  if (request.bodyFile !== undefined) lines.push(`--data-binary @${shellQuote(request.bodyFile)}`);
  else if (request.body !== undefined) lines.push(`--data-binary ${shellQuote(request.body)}`);
  return lines.join(' \\\n  ');
}
