/**
 * Requests that fail authentication, contract §1, for the checks of the
 * order of evaluation and of side effects (contract §2).
 */
import fc, { type Arbitrary } from 'fast-check';
import { formatRfc3339 } from '../../contract/rfc3339.js';
import type { CheckContext, OutgoingRequest } from '../check-context.js';
import { randomSignature, unknownApiKey } from './signing-arbitraries.js';

/** How a request fails authentication. */
export type Unauthentication =
  | { readonly kind: 'no-api-key' }
  | { readonly kind: 'unknown-api-key'; readonly apiKey: string }
  | { readonly kind: 'wrong-signature'; readonly signature: string }
  | { readonly kind: 'stale-timestamp' };

/** Any way of failing authentication: no key, an unknown key, a wrong signature, a timestamp a day old. */
export const unauthentication = (context: CheckContext): Arbitrary<Unauthentication> =>
  fc.oneof(
    fc.constant<Unauthentication>({ kind: 'no-api-key' }),
    unknownApiKey(context).map((apiKey): Unauthentication => ({ kind: 'unknown-api-key', apiKey })),
    randomSignature(context.profile).map((signature): Unauthentication => ({ kind: 'wrong-signature', signature })),
    fc.constant<Unauthentication>({ kind: 'stale-timestamp' }),
  );

/** In a few words, for violation messages. */
export function describeUnauthentication(how: Unauthentication, context: CheckContext): string {
  const { headers } = context.profile;
  switch (how.kind) {
    case 'no-api-key':
      return `a signed request without ${headers.apiKey}`;
    case 'unknown-api-key':
      return `a request with the unknown ${headers.apiKey} ${JSON.stringify(how.apiKey)}`;
    case 'wrong-signature':
      return `a request with a wrong ${headers.signature}`;
    case 'stale-timestamp':
      return `a request signed with an ${headers.timestamp} 24 h old`;
  }
}

/** `request` made unauthenticated in the way `how` says; its own headers are kept. */
export function unauthenticated(request: OutgoingRequest, how: Unauthentication, context: CheckContext): OutgoingRequest {
  const { headers } = context.profile;
  switch (how.kind) {
    case 'no-api-key':
      return { ...request, headers: { ...request.headers, [headers.apiKey]: null } };
    case 'unknown-api-key':
      return { ...request, headers: { ...request.headers, [headers.apiKey]: how.apiKey } };
    case 'wrong-signature':
      return { ...request, headers: { ...request.headers, [headers.signature]: how.signature } };
    case 'stale-timestamp':
      return { ...request, sign: { timestamp: formatRfc3339(context.serverNowMs() - 86_400_000) } };
  }
}
