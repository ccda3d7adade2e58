import fc, { type Arbitrary } from 'fast-check';
import { formatRfc3339 } from '../../contract/rfc3339.js';
import { validUser, type UserBody } from '../../fixtures/index.js';
import { utf8Bytes } from '../../signing/bytes.js';
import type { PropertyCheck } from '../check.js';
import type { CheckContext, OutgoingRequest } from '../check-context.js';
import { safeTodayForValidData } from '../check-dates.js';
import { expectEnvelope } from '../expect.js';
import { skip } from '../violation.js';

/** One signed part changed after signing. */
type Tamper =
  | { readonly part: 'body'; readonly position: number; readonly delta: number }
  | { readonly part: 'method'; readonly signedMethod: string }
  | { readonly part: 'path'; readonly query: string; readonly queryAdded: boolean }
  | { readonly part: 'timestamp'; readonly shiftSeconds: number }
  | { readonly part: 'timestamp-form' }
  | { readonly part: 'key' };

const queryParameter = fc
  .tuple(fc.constantFrom('dryRun', 'debug', 'partner', 'v', 'externalId'), fc.stringMatching(/^[a-z0-9]{1,8}$/))
  .map(([name, value]) => `${name}=${value}`);

/** Tampering of each part the profile's canonical string signs (a part it leaves out can change freely). */
function tamper(context: CheckContext): Arbitrary<Tamper> {
  const { template } = context.profile.signing;
  const signs = (placeholder: string) => template.includes(`{${placeholder}}`);
  const insideSeconds = Math.max(1, Math.floor(context.profile.clockSkew.windowSeconds / 10));
  const variants: Arbitrary<Tamper>[] = [
    ...(signs('BODY_SHA256') || signs('BODY') ? [fc.record({ part: fc.constant('body' as const), position: fc.nat(), delta: fc.integer({ min: 1, max: 255 }) })] : []),
    ...(signs('METHOD') ? [fc.record({ part: fc.constant('method' as const), signedMethod: fc.constantFrom('GET', 'PUT', 'PATCH', 'DELETE') })] : []),
    ...(signs('PATH') ? [fc.record({ part: fc.constant('path' as const), query: queryParameter, queryAdded: fc.boolean() })] : []),
    ...(signs('TIMESTAMP')
      ? [
          fc.record({ part: fc.constant('timestamp' as const), shiftSeconds: fc.integer({ min: -insideSeconds, max: insideSeconds }).filter((s) => s !== 0) }),
          fc.constant<Tamper>({ part: 'timestamp-form' }),
        ]
      : []),
    ...(context.partners.secondary ? [fc.constant<Tamper>({ part: 'key' })] : []),
  ];
  if (variants.length === 0) throw skip('the profile\'s canonical string signs no part this check can tamper with, and there is no second partner');
  return fc.oneof(...variants);
}

const withQuery = (path: string, query: string) => `${path}${path.includes('?') ? '&' : '?'}${query}`;
const printable = (byte: number) => (byte >= 0x20 && byte < 0x7f ? JSON.stringify(String.fromCharCode(byte)) : `0x${byte.toString(16).padStart(2, '0')}`);

/** The request to send: signed over the untampered values, then one part changed. */
function tampered(body: string, t: Tamper, context: CheckContext): { request: OutgoingRequest; description: string } {
  const { profile, partners } = context;
  const path = profile.endpoint.path;
  const method = profile.endpoint.method.toUpperCase();
  switch (t.part) {
    case 'body': {
      const original = utf8Bytes(body);
      const bytes = original.slice();
      const at = t.position % bytes.length;
      bytes[at] = (original[at]! + t.delta) % 256;
      return {
        request: { body: bytes, sign: { signedOver: { body: original } } },
        description: `the body changed at byte ${at} (${printable(original[at]!)} → ${printable(bytes[at]!)}) after signing`,
      };
    }
    case 'method':
      return { request: { body, sign: { signedOver: { method: t.signedMethod } } }, description: `a signature made for method ${t.signedMethod}, sent with ${method}` };
    case 'path':
      return t.queryAdded
        ? { request: { body, path: withQuery(path, t.query), sign: { signedOver: { path } } }, description: `?${t.query} added to the path after signing ${path}` }
        : { request: { body, sign: { signedOver: { path: withQuery(path, t.query) } } }, description: `a signature made for ${withQuery(path, t.query)}, sent to ${path}` };
    case 'timestamp': {
      const nowMs = context.serverNowMs();
      const sent = formatRfc3339(nowMs);
      const signed = formatRfc3339(nowMs + t.shiftSeconds * 1000);
      return { request: { body, sign: { timestamp: sent, signedOver: { timestamp: signed } } }, description: `${profile.headers.timestamp} ${sent} sent with a signature made over ${signed}` };
    }
    case 'timestamp-form': {
      const sent = formatRfc3339(context.serverNowMs());
      const signed = sent.replace(/Z$/, '+00:00');
      return {
        request: { body, sign: { timestamp: sent, signedOver: { timestamp: signed } } },
        description: `${profile.headers.timestamp} ${sent} sent with a signature made over ${signed} (the same instant: the value is signed verbatim)`,
      };
    }
    case 'key':
      return {
        request: { body, headers: { [profile.headers.apiKey]: partners.secondary!.apiKey } },
        description: `the second partner's ${profile.headers.apiKey} sent with a signature made with the first partner's secret`,
      };
  }
}

/**
 * contract §1: the signature covers METHOD, PATH (with `?query`), the
 * timestamp verbatim, the exact body bytes, under the secret of the key
 * sent. Change any one of them after signing → 401. The key variant needs
 * a second partner and is left out without one; the others still run. Only
 * the parts the profile's template signs are tampered with.
 */
export const tamperedRequestRejected: PropertyCheck<[UserBody, Tamper]> = {
  kind: 'property',
  id: 'tampered-request-rejected',
  section: '§1',
  statement: 'a correctly signed request with one signed part changed (a body byte, the method, the path, the timestamp, the key) is rejected: 401',
  tags: ['authentication', 'signature', 'negative'],
  arbitraries: (context) => [validUser({ today: safeTodayForValidData(context), profile: context.profile }), tamper(context)],
  async predicate(context, user, t) {
    const body = JSON.stringify({ ...user, externalId: context.uniqueExternalId() });
    const { request, description } = tampered(body, t, context);
    const exchange = await context.client.send(request);
    expectEnvelope(
      exchange,
      401,
      `the signature must cover the method, the path with its query, the timestamp verbatim and the exact body bytes, under the secret of the ${context.profile.headers.apiKey} sent (contract §1): ${description}`,
    );
  },
};
