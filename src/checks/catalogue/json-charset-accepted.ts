import fc from 'fast-check';
import { validUser, type UserBody } from '../../fixtures/index.js';
import type { PropertyCheck } from '../check.js';
import { safeTodayForValidData } from '../check-dates.js';
import { expectCreated } from '../expect.js';

/** `application/json` as clients write it: with a charset parameter (any case, quoted, spaced), in any case. */
export const jsonContentTypes = [
  'application/json; charset=utf-8',
  'application/json;charset=UTF-8',
  'application/json; charset="utf-8"',
  'application/json ; charset=utf-8',
  'Application/JSON',
  'APPLICATION/JSON; CHARSET=UTF-8',
] as const;

/**
 * Contract §3: the body is sent as `application/json`, "a charset parameter
 * is allowed" (and media types are case-insensitive): a valid user sent so is
 * created (201).
 */
export const jsonCharsetAccepted: PropertyCheck<[UserBody, string]> = {
  kind: 'property',
  id: 'json-charset-accepted',
  section: '§3',
  statement: 'a valid user sent as application/json with a charset parameter, in any case, is created: 201',
  tags: ['validation', 'positive', 'content-type'],
  maxRuns: 20,
  arbitraries: (context) => [validUser({ today: safeTodayForValidData(context), profile: context.profile }), fc.constantFrom(...jsonContentTypes)],
  async predicate(context, user, contentType) {
    const body = { ...user, externalId: context.uniqueExternalId() };
    const exchange = await context.client.send({ json: body, contentType });
    expectCreated(exchange, body.externalId, `contract §3: a charset parameter is allowed on application/json, so a valid user sent with Content-Type ${JSON.stringify(contentType)} must be created`);
  },
};
