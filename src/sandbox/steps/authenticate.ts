/** Step 1 of contract §2: API key, timestamp window, signature (401). */
import { seedMessages } from '../../contract/responses.js';
import { errorOutcome } from '../error-outcome.js';
import type { Exchange, Outcome } from '../exchange.js';
import type { Pipeline, Step } from '../pipeline.js';

function unauthorized(x: Exchange, p: Pipeline, reason: string): Outcome {
  if (p.env.debugSignatures) p.env.log(`401 ${x.method} ${x.target}: ${reason}`);
  return errorOutcome(p, 401, seedMessages[401]);
}

export const authenticate: Step = (x, p) => {
  const names = p.env.headerKeys;
  const header = p.env.profile.headers;
  const apiKey = x.headers[names.apiKey];
  if (typeof apiKey !== 'string') return unauthorized(x, p, `${header.apiKey} is missing`);
  const partner = p.env.partners.get(apiKey);
  if (!partner) return unauthorized(x, p, `${header.apiKey} ${JSON.stringify(apiKey)} is not a known partner`);

  const timestamp = x.headers[names.timestamp];
  if (typeof timestamp !== 'string') return unauthorized(x, p, `${header.timestamp} is missing`);
  const timestampMs = p.hooks.parseTimestamp(timestamp);
  if (timestampMs === undefined) return unauthorized(x, p, `${header.timestamp} ${JSON.stringify(timestamp)} is not an RFC 3339 date-time with an offset`);
  if (!p.hooks.timestampInWindow(timestampMs, x.nowMs)) {
    const skewSeconds = Math.round((timestampMs - x.nowMs) / 1000);
    return unauthorized(x, p, `${header.timestamp} is ${skewSeconds} s from the server clock, outside ±${p.env.profile.clockSkew.windowSeconds} s`);
  }

  const presented = x.headers[names.signature];
  if (typeof presented !== 'string') return unauthorized(x, p, `${header.signature} is missing`);
  // A {BODY} template signs the body text, which is not kept past maxBodyBytes (read-body.ts).
  if (x.body.tooLarge && p.env.verifier.needsBodyText) {
    return errorOutcome(p, 400, `Request body exceeds ${p.env.profile.maxBodyBytes} bytes`);
  }
  const check = p.hooks.verifySignature(x, partner, presented);
  if (!check.valid) {
    if (p.env.debugSignatures) {
      // Never the secret, and never the expected signature: that would make the sandbox a signing oracle.
      p.env.log(
        `401 ${x.method} ${x.target}: ${header.signature} does not match for ${header.apiKey} ${apiKey}\n` +
          `  expected canonical string: ${JSON.stringify(check.canonicalString)}\n` +
          `  body SHA-256 (${x.body.length} bytes received): ${x.body.sha256}`,
      );
    }
    return errorOutcome(p, 401, seedMessages[401]);
  }
  x.partner = partner;
  return undefined;
};
