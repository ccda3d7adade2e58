import fc from 'fast-check';
import { malformedTimestamp, validUser, type UserBody } from '../../fixtures/index.js';
import type { PropertyCheck } from '../check.js';
import { safeTodayForValidData } from '../check-dates.js';
import { expectEnvelope } from '../expect.js';

/** The X-Request-Timestamp sent: missing, or a malformed value (signed verbatim). */
type SentTimestamp = { readonly missing: true } | { readonly missing: false; readonly value: string };

/**
 * contract §1: X-Request-Timestamp is an RFC 3339 date-time with `Z` or a
 * numeric offset; a missing or malformed one → 401. The malformed value
 * writes the server's now and is signed verbatim, so only its form is wrong:
 * a lenient parser (Date.parse, epoch seconds) would find it in the window.
 */
export const malformedTimestampRejected: PropertyCheck<[UserBody, SentTimestamp]> = {
  kind: 'property',
  id: 'malformed-timestamp-rejected',
  section: '§1',
  statement: 'a valid request whose X-Request-Timestamp is missing or not an RFC 3339 date-time (epoch seconds, no offset, 2026-02-30T…) is rejected: 401',
  tags: ['authentication', 'timestamp', 'negative'],
  maxRuns: 60,
  arbitraries: (context) => [
    validUser({ today: safeTodayForValidData(context), profile: context.profile }),
    fc.oneof(
      fc.constant<SentTimestamp>({ missing: true }),
      fc
        .constant(null)
        .chain(() => malformedTimestamp({ serverNowMs: context.serverNowMs() }))
        .map((value): SentTimestamp => ({ missing: false, value })),
    ),
  ],
  async predicate(context, user, sent) {
    const header = context.profile.headers.timestamp;
    const json = { ...user, externalId: context.uniqueExternalId() };
    // A missing timestamp is signed as the empty string, so a server reading "missing" as "" would verify it.
    const exchange = await context.client.send(
      sent.missing ? { json, sign: { timestamp: '' }, headers: { [header]: null } } : { json, sign: { timestamp: sent.value } },
    );
    expectEnvelope(
      exchange,
      401,
      `${header} must be an RFC 3339 date-time with Z or a numeric offset; missing or malformed → 401 (contract §1): ${sent.missing ? `a request without ${header}` : `${header} ${JSON.stringify(sent.value)}, signed verbatim`}`,
    );
  },
};
