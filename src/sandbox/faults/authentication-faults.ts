/**
 * Faults of contract §1 and §2: realistic bugs the sandbox switches on with
 * `--fault NAME` (catalogue in catalogue.ts).
 */
import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { Exchange } from '../exchange.js';
import type { Pipeline, Step, StepName, StepResult } from '../pipeline.js';
import { userRecord } from '../steps/create-user.js';
import { withHooks, withStep, type Fault } from './fault.js';

/**
 * Runs the authenticate step as if the request carried `headers` (and under
 * `pipeline`), then adopts the partner it found: how a fault lets a request
 * through with a header it lacks.
 */
function authenticateAs(step: Step, x: Exchange, pipeline: Pipeline, headers: IncomingHttpHeaders): StepResult | Promise<StepResult> {
  const patched: Exchange = { ...x, headers: { ...x.headers, ...headers } };
  const adopt = (outcome: StepResult): StepResult => {
    if (outcome === undefined) x.partner = patched.partner;
    return outcome;
  };
  const outcome = step(patched, pipeline);
  return outcome instanceof Promise ? outcome.then(adopt) : adopt(outcome);
}

/** `text` as JSON.stringify(JSON.parse(text)), or undefined when it is not JSON. */
function reserialised(text: string): string | undefined {
  try {
    return JSON.stringify(JSON.parse(text));
  } catch {
    return undefined;
  }
}

/** Date.parse, and all digits read as epoch seconds: the lenient parsing of many frameworks. */
function lenientTimestampMs(value: string): number | undefined {
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const parsed = Date.parse(value);
  return Number.isNaN(parsed) ? undefined : parsed;
}

export const authenticationFaults: readonly Fault[] = [
  {
    name: 'signature-not-checked',
    section: '§1',
    description: 'X-Request-Signature must be present, but any value is accepted',
    apply: (p) => withHooks(p, () => ({ verifySignature: () => ({ valid: true, canonicalString: '' }) })),
  },
  {
    name: 'signature-optional',
    section: '§1',
    description: 'a request without X-Request-Signature is let through unverified (the signature is checked only when present)',
    apply: (p) =>
      withStep(p, 'authenticate', (authenticate) => (x, pipeline) => {
        const signature = pipeline.env.headerKeys.signature;
        if (typeof x.headers[signature] === 'string') return authenticate(x, pipeline);
        const unverified = withHooks(pipeline, () => ({ verifySignature: () => ({ valid: true, canonicalString: '' }) }));
        return authenticateAs(authenticate, x, unverified, { [signature]: '' });
      }),
  },
  {
    name: 'partner-found-by-signature',
    section: '§1',
    description: 'a missing or unknown X-Api-Key is not rejected: the partner is the one whose secret verifies the signature (a legacy fallback)',
    apply: (p) =>
      withStep(p, 'authenticate', (authenticate) => (x, pipeline) => {
        const { apiKey, signature } = pipeline.env.headerKeys;
        const presentedKey = x.headers[apiKey];
        const presented = x.headers[signature];
        if ((typeof presentedKey === 'string' && pipeline.env.partners.has(presentedKey)) || typeof presented !== 'string') {
          return authenticate(x, pipeline);
        }
        const partner = [...pipeline.env.partners.values()].find((candidate) => pipeline.hooks.verifySignature(x, candidate, presented).valid);
        return partner ? authenticateAs(authenticate, x, pipeline, { [apiKey]: partner.apiKey }) : authenticate(x, pipeline);
      }),
  },
  {
    name: 'signature-over-reserialised-json',
    section: '§1',
    description: 'the signature is verified over JSON.stringify(JSON.parse(body)), not the bytes received: other spacing, key order or escapes get 401',
    apply: (p) =>
      withHooks(p, (h) => ({
        verifySignature: (x, partner, presented) => {
          const text = reserialised(x.body.bytes.toString('utf8'));
          if (text === undefined) return h.verifySignature(x, partner, presented);
          const bytes = Buffer.from(text, 'utf8');
          const body = { ...x.body, bytes, length: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
          return h.verifySignature({ ...x, body }, partner, presented);
        },
      })),
  },
  {
    name: 'signature-path-without-query',
    section: '§1',
    description: 'the signature is verified over the path without its ?query (the framework\'s parsed path): a query added to a signed request passes',
    apply: (p) =>
      withHooks(p, (h) => ({
        verifySignature: (x, partner, presented) => h.verifySignature({ ...x, target: x.target.split('?')[0]! }, partner, presented),
      })),
  },
  {
    name: 'stale-timestamps-accepted',
    section: '§1',
    description: 'X-Request-Timestamp must parse, but its distance from the server clock is never checked',
    apply: (p) => withHooks(p, () => ({ timestampInWindow: () => true })),
  },
  {
    name: 'timestamp-future-unchecked',
    section: '§1',
    description: 'only past timestamps are checked against the skew window; any future one is accepted',
    apply: (p) => {
      const windowMs = p.env.profile.clockSkew.windowSeconds * 1000;
      return withHooks(p, () => ({ timestampInWindow: (timestampMs, nowMs) => nowMs - timestampMs <= windowMs }));
    },
  },
  {
    name: 'skew-window-too-narrow',
    section: '§1',
    description: 'the skew window is a fifth of the profile\'s (±60 s of the default ±300 s): partners whose clock is a few minutes off get 401',
    apply: (p) => {
      const windowMs = (p.env.profile.clockSkew.windowSeconds * 1000) / 5;
      return withHooks(p, () => ({ timestampInWindow: (timestampMs, nowMs) => Math.abs(timestampMs - nowMs) <= windowMs }));
    },
  },
  {
    name: 'timestamp-parsed-leniently',
    section: '§1',
    description: 'X-Request-Timestamp is parsed with Date.parse, all digits as epoch seconds: epoch values, missing offsets and HTTP-dates are accepted',
    apply: (p) => withHooks(p, (h) => ({ parseTimestamp: (value) => h.parseTimestamp(value) ?? lenientTimestampMs(value) })),
  },
  {
    name: 'validation-before-auth',
    section: '§2',
    description: 'the body is validated before authentication: an unauthenticated invalid body gets 400, not 401',
    apply: (p) => ({ ...p, order: ['body', ...p.order.filter((step) => step !== 'body')] }),
  },
  {
    name: 'idempotency-key-format-before-auth',
    section: '§2',
    description: 'the Idempotency-Key format is checked before authentication: an unauthenticated request with a bad key gets 400, not 401',
    apply: (p) => ({ ...p, order: ['idempotencyKeyFormat', ...p.order.filter((step) => step !== 'idempotencyKeyFormat')] }),
  },
  {
    name: 'uniqueness-before-age',
    section: '§2',
    description: 'externalId uniqueness is checked before age (a unique index hit first): a minor with a taken externalId gets 409, not 422',
    apply: (p) => {
      const order: StepName[] = p.order.filter((step) => step !== 'uniqueExternalId');
      order.splice(order.indexOf('age'), 0, 'uniqueExternalId');
      return { ...p, order };
    },
  },
  {
    name: 'rejected-request-creates-user',
    section: '§2',
    description: 'a minor is answered 422, but the user is inserted anyway',
    apply: (p) =>
      withStep(p, 'age', (age) => (x, pipeline) => {
        const outcome = age(x, pipeline);
        if (outcome && !(outcome instanceof Promise) && outcome.status === 422) pipeline.env.store.createUser(userRecord(x));
        return outcome;
      }),
  },
];
