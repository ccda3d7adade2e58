/**
 * Reading the optional rate-limit headers of contract §6, in the forms
 * targets send: the IETF draft's structured fields (`RateLimit:
 * "default";r=50;t=30` with `RateLimit-Policy: "default";q=100;w=60`), the
 * draft's earlier forms (`RateLimit: limit=100, remaining=50, reset=30`,
 * `RateLimit-Limit` / `RateLimit-Remaining`, `RateLimit-Policy: 100;w=60`)
 * and the `X-RateLimit-*` convention. Tolerant: what it cannot read it
 * ignores.
 */
import { splitOutsideQuotes, structuredInteger } from '../../contract/structured-fields.js';

export interface RateLimitPolicy {
  /** Requests allowed per window. */
  readonly quota: number;
  /** The window, seconds, when stated. */
  readonly windowSeconds?: number;
}

export interface RateLimitReading {
  /** The smallest remaining quota stated (the policy closest to its limit), if any. */
  readonly remaining?: number;
  readonly policies: readonly RateLimitPolicy[];
  /** The headers read, `Name: value` lines, for messages. */
  readonly text: string;
}

interface Member {
  readonly item: string;
  readonly params: ReadonlyMap<string, string>;
}

/** A structured-field list (or dictionary): members with `;key=value` parameters. */
function members(value: string): Member[] {
  return splitOutsideQuotes(value, ',').map((member) => {
    const [item = '', ...params] = splitOutsideQuotes(member, ';');
    return {
      item,
      params: new Map(params.map((param) => {
        const at = param.indexOf('=');
        return at < 0 ? [param.toLowerCase(), '?1'] : [param.slice(0, at).trim().toLowerCase(), param.slice(at + 1).trim()];
      })),
    };
  });
}



/** `limit=100` as a dictionary member: [key, value]. */
const dictionaryEntry = (item: string): [string, number | undefined] | undefined => {
  const match = /^([a-z-]+)\s*=\s*(-?\d+)$/i.exec(item);
  return match ? [match[1]!.toLowerCase(), structuredInteger(match[2])] : undefined;
};

/** Reads the rate-limit headers of one response (lower-case header names); undefined when it has none. */
export function readRateLimitHeaders(headers: Readonly<Record<string, string>>): RateLimitReading | undefined {
  const names = ['ratelimit', 'ratelimit-policy', 'ratelimit-limit', 'ratelimit-remaining', 'x-ratelimit-limit', 'x-ratelimit-remaining'];
  const present = names.filter((name) => headers[name] !== undefined);
  if (present.length === 0) return undefined;
  const remaining: number[] = [];
  const policies: RateLimitPolicy[] = [];
  const policy = (quota: number | undefined, window: string | undefined) => {
    if (quota === undefined) return;
    const windowSeconds = structuredInteger(window);
    policies.push(windowSeconds === undefined ? { quota } : { quota, windowSeconds });
  };

  for (const member of members(headers['ratelimit'] ?? '')) {
    const r = structuredInteger(member.params.get('r'));
    if (r !== undefined) remaining.push(r);
    const entry = dictionaryEntry(member.item);
    if (entry?.[0] === 'remaining' && entry[1] !== undefined) remaining.push(entry[1]);
    if (entry?.[0] === 'limit') policy(entry[1], undefined);
  }
  for (const member of members(headers['ratelimit-policy'] ?? '')) {
    policy(structuredInteger(member.params.get('q')) ?? structuredInteger(member.item), member.params.get('w'));
  }
  for (const name of ['ratelimit-limit', 'x-ratelimit-limit']) {
    for (const member of members(headers[name] ?? '')) policy(structuredInteger(member.item), member.params.get('w'));
  }
  for (const name of ['ratelimit-remaining', 'x-ratelimit-remaining']) {
    for (const member of members(headers[name] ?? '')) {
      const value = structuredInteger(member.item);
      if (value !== undefined) remaining.push(value);
    }
  }
  const text = present.map((name) => `${name}: ${headers[name]}`).join('\n');
  return remaining.length > 0 ? { remaining: Math.min(...remaining), policies, text } : { policies, text };
}
