import fc from 'fast-check';
import { validUser, type UserBody } from '../../fixtures/index.js';
import type { PropertyCheck } from '../check.js';
import { safeTodayForValidData } from '../check-dates.js';
import { expectEnvelope } from '../expect.js';

const utf8Length = (text: string): number => new TextEncoder().encode(text).length;

/** `user` as JSON, padded with an unknown property (ignored by the contract) to exactly `bytes` UTF-8 bytes. */
export function paddedBody(user: object, bytes: number): string {
  const base = JSON.stringify({ ...user, notes: '' });
  const padding = Math.max(0, bytes - utf8Length(base));
  return JSON.stringify({ ...user, notes: 'x'.repeat(padding) });
}

/**
 * Contract §3: bodies over `profile.maxBodyBytes` get 400. The body is a
 * valid user padded with an unknown property to 1–1024 bytes over the limit,
 * correctly signed, so nothing but its size is wrong.
 */
export const oversizedBodyRejected: PropertyCheck<[UserBody, number]> = {
  kind: 'property',
  id: 'oversized-body-rejected',
  section: '§3',
  statement: 'a valid, correctly signed body just over maxBodyBytes gets 400 bad_request',
  tags: ['validation', 'negative', 'body', 'size'],
  maxRuns: 10,
  arbitraries: (context) => [validUser({ today: safeTodayForValidData(context), profile: context.profile }), fc.integer({ min: 1, max: 1024 })],
  async predicate(context, user, over) {
    const { maxBodyBytes } = context.profile;
    const text = paddedBody({ ...user, externalId: context.uniqueExternalId() }, maxBodyBytes + over);
    const exchange = await context.client.send({ body: text });
    const size = utf8Length(text);
    expectEnvelope(exchange, 400, `contract §3: bodies over ${maxBodyBytes} bytes get 400 bad_request; this valid user padded to ${size} bytes did not`);
  },
};
