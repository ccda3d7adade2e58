/**
 * Leaf schemas of the config file. Each carries one "expected …" phrase that
 * is the message of every issue it raises, so an error names the expected
 * form in words a user understands (see config-issue-message.ts).
 */
import * as z from 'zod';
import { parseCalendarDate } from '../contract/calendar.js';
import { templatePlaceholders } from '../signing/canonical-string.js';

/** A whole number > 0; `unit` says what it counts, e.g. `seconds`. */
export function positiveInteger(unit: string) {
  const expected = `expected a positive integer (${unit})`;
  return z.number(expected).int(expected).positive(expected);
}

/** A whole number ≥ 0. */
export function nonNegativeInteger(unit: string) {
  const expected = `expected a non-negative integer (${unit})`;
  return z.number(expected).int(expected).nonnegative(expected);
}

/** Any number > 0, fractions allowed. */
export function positiveNumber(unit: string) {
  const expected = `expected a positive number (${unit})`;
  return z.number(expected).positive(expected);
}

/** A TCP port, 0 for any free port. */
export const port = () => {
  const expected = 'expected an integer port from 0 to 65535 (0 picks a free port)';
  return z.number(expected).int(expected).min(0, expected).max(65_535, expected);
};

export const booleanValue = () => z.boolean('expected true or false');

/** A string of at least one character. */
export const nonEmptyString = (what = 'a non-empty string') => z.string(`expected ${what}`).min(1, `expected ${what}`);

/** One of a fixed list of strings or numbers. */
export function oneOf<const T extends readonly [string | number, ...(string | number)[]]>(values: T) {
  return z.literal(values, `expected one of ${values.map((v) => JSON.stringify(v)).join(', ')}`);
}

/** An HTTP field name (RFC 9110 token), e.g. `X-Api-Key`. */
export const headerName = () => {
  const expected = 'expected an HTTP header name (letters, digits and !#$%&\'*+.^_`|~-), e.g. "X-Api-Key"';
  return z.string(expected).regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, expected);
};

/** An ECMAScript regular expression source that compiles with the `u` flag. */
export const regexPattern = () =>
  z.string('expected a regular expression (string)').superRefine((source, ctx) => {
    try {
      new RegExp(source, 'u');
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      ctx.addIssue({ code: 'custom', message: `expected a regular expression that compiles with the "u" flag (${reason})` });
    }
  });

/** A real `YYYY-MM-DD` calendar date. */
export const calendarDate = () => {
  const expected = 'expected a real calendar date as YYYY-MM-DD, e.g. "1900-01-01"';
  return z.string(expected).refine((value) => parseCalendarDate(value) !== undefined, expected);
};

const hostnamePattern =
  /^(?=.{1,253}\.?$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.?$/;
const ipv6Literal = /^\[?[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*\]?$/;

/** A host name or IP address, without scheme or port. */
export const hostname = () => {
  const expected = 'expected a host name or IP address without scheme or port, e.g. "partner-api.example.com"';
  return z.string(expected).refine((value) => hostnamePattern.test(value) || ipv6Literal.test(value), expected);
};

/** An absolute http: or https: URL. */
export const httpUrl = () => {
  const expected = 'expected an absolute http(s) URL, e.g. "https://partner-api.example.com"';
  return z.url({ protocol: /^https?$/, error: expected });
};

/** A URL path starting with `/`. */
export const urlPath = () => {
  const expected = 'expected a URL path starting with "/", e.g. "/v1/users"';
  return z.string(expected).regex(/^\/[^\s?#]*$/, expected);
};

const placeholderLike = /\{([A-Za-z0-9_]+)\}/g;
const knownPlaceholders: readonly string[] = templatePlaceholders;

/** A canonical-string template using only the placeholders of `templatePlaceholders` (contract §1). */
export const signingTemplate = () => {
  const allowed = templatePlaceholders.map((name) => `{${name}}`).join(', ');
  return z
    .string(`expected a template string using the placeholders ${allowed}`)
    .min(1, `expected a non-empty template string using the placeholders ${allowed}`)
    .superRefine((template, ctx) => {
      const unknown = [...template.matchAll(placeholderLike)].map((m) => m[1]!).filter((name) => !knownPlaceholders.includes(name));
      if (unknown.length === 0) return;
      const names = [...new Set(unknown)].map((name) => `{${name}}`).join(', ');
      ctx.addIssue({ code: 'custom', message: `unknown placeholder ${names}; expected only ${allowed}` });
    });
};
