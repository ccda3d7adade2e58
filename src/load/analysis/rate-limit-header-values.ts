/**
 * Reads the rate-limit headers a target MAY send (contract §6) into numbers:
 * the IETF draft's structured fields `RateLimit: "default";r=<remaining>;t=<seconds>`
 * and `RateLimit-Policy: "default";q=<quota>;w=<window seconds>`, the older
 * drafts' `RateLimit: limit=10, remaining=5, reset=3`, `RateLimit-Limit: 10, 10;w=1`,
 * `RateLimit-Remaining`, `RateLimit-Reset`, and the vendor `X-RateLimit-*`
 * trio. Header names are lower-case. Values that do not parse are left out.
 */
import { splitOutsideQuotes, structuredInteger } from '../../contract/structured-fields.js';

export interface RateLimitHeaderValues {
  /** Requests left in the current window; may be negative when the target is wrong. */
  readonly remaining?: number;
  /** Seconds until the quota resets (`t`, `reset`). */
  readonly resetSeconds?: number;
  /** The policy's quota: requests allowed per `windowSeconds`. */
  readonly quota?: number;
  readonly windowSeconds?: number;
  /** The header the remaining count came from (for examples in reports). */
  readonly remainingFrom?: string;
  /** The header the quota came from. */
  readonly quotaFrom?: string;
}

interface ListMember {
  /** The bare item, unquoted (`default`, `10`), or '' for a dictionary member. */
  readonly value: string;
  /** Parameters, and a dictionary member's own key=value, lower-case keys, unquoted values. */
  readonly params: Readonly<Record<string, string>>;
}

const unquote = (text: string): string => (text.startsWith('"') && text.endsWith('"') && text.length >= 2 ? text.slice(1, -1) : text);

/** A structured-field list (or an older draft's dictionary): members with parameters. */
function parseList(text: string): ListMember[] {
  return splitOutsideQuotes(text, ',').map((member) => {
    const [head = '', ...rest] = splitOutsideQuotes(member, ';');
    const params: Record<string, string> = {};
    for (const param of rest) {
      const at = param.indexOf('=');
      if (at > 0) params[param.slice(0, at).trim().toLowerCase()] = unquote(param.slice(at + 1).trim());
    }
    const dictionary = /^([a-z][a-z0-9_-]*)\s*=\s*(.*)$/i.exec(head);
    if (dictionary) return { value: '', params: { ...params, [dictionary[1]!.toLowerCase()]: unquote(dictionary[2]!) } };
    return { value: unquote(head), params };
  });
}



/** Dictionary members of an older draft's `RateLimit: limit=10, remaining=5, reset=3`, merged. */
const mergedParams = (members: readonly ListMember[]): Record<string, string> => Object.assign({}, ...members.map((m) => m.params));

/** The numbers in `headers` (lower-case names), from the newest draft's fields first. */
export function rateLimitHeaderValues(headers: Readonly<Record<string, string>>): RateLimitHeaderValues {
  const values: { -readonly [K in keyof RateLimitHeaderValues]: RateLimitHeaderValues[K] } = {};
  const current = headers['ratelimit'];
  if (current !== undefined) {
    const members = parseList(current);
    const params = members[0]?.value === '' ? mergedParams(members) : (members[0]?.params ?? {});
    values.remaining = structuredInteger(params['r'] ?? params['remaining']);
    values.resetSeconds = structuredInteger(params['t'] ?? params['reset']);
    if (values.remaining !== undefined) values.remainingFrom = 'RateLimit';
    const limit = structuredInteger(params['limit']);
    if (limit !== undefined) Object.assign(values, { quota: limit, quotaFrom: 'RateLimit' });
  }
  const policy = headers['ratelimit-policy'];
  if (policy !== undefined) {
    const [first] = parseList(policy);
    const quota = structuredInteger(first?.params['q']) ?? structuredInteger(first?.value);
    if (quota !== undefined) Object.assign(values, { quota, quotaFrom: 'RateLimit-Policy', windowSeconds: structuredInteger(first?.params['w']) });
  }
  for (const prefix of ['ratelimit-', 'x-ratelimit-']) {
    const name = prefix === 'ratelimit-' ? 'RateLimit' : 'X-RateLimit';
    const remaining = structuredInteger(headers[`${prefix}remaining`]);
    if (values.remaining === undefined && remaining !== undefined) Object.assign(values, { remaining, remainingFrom: `${name}-Remaining` });
    const reset = structuredInteger(headers[`${prefix}reset`]);
    if (values.resetSeconds === undefined && reset !== undefined) values.resetSeconds = reset;
    const limitHeader = headers[`${prefix}limit`];
    if (values.quota === undefined && limitHeader !== undefined) {
      const [first] = parseList(limitHeader);
      const quota = structuredInteger(first?.value);
      if (quota !== undefined) Object.assign(values, { quota, quotaFrom: `${name}-Limit`, windowSeconds: structuredInteger(first?.params['w']) });
    }
  }
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as RateLimitHeaderValues;
}
