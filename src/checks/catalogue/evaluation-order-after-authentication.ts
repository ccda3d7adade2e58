import fc, { type Arbitrary } from 'fast-check';
import { invalidField, validUser, type InvalidField, type UserBody } from '../../fixtures/index.js';
import type { PropertyCheck } from '../check.js';
import type { CheckContext } from '../check-context.js';
import { clearMinor, clearMinorDateOfBirth, safeTodayForInvalidData, safeTodayForValidData } from '../check-dates.js';
import { expectCreated, expectEnvelope } from '../expect.js';

/** Two rules broken at once; the earlier step of §2 must answer. */
type TwoBrokenRules =
  | { readonly kind: 'field-and-age'; readonly invalid: InvalidField; readonly dateOfBirth: string }
  | { readonly kind: 'age-and-duplicate'; readonly existing: UserBody; readonly minor: UserBody };

function twoBrokenRules(context: CheckContext): Arbitrary<TwoBrokenRules> {
  const { profile } = context;
  const invalidToday = safeTodayForInvalidData(context);
  return fc.oneof(
    fc.record({
      kind: fc.constant('field-and-age' as const),
      // The broken field must not be dateOfBirth itself: the minor's date of birth replaces it.
      invalid: invalidField({ today: invalidToday, profile }).filter((i) => i.field !== 'dateOfBirth'),
      dateOfBirth: clearMinorDateOfBirth(context),
    }),
    fc.record({
      kind: fc.constant('age-and-duplicate' as const),
      existing: validUser({ today: safeTodayForValidData(context), profile }),
      minor: clearMinor(context),
    }),
  );
}

/**
 * contract §2, steps 5 and 6: for an authenticated request the body's field
 * rules (400) come before age (422), and age before externalId uniqueness
 * (409). A request breaking two of them gets the earlier step's answer.
 */
export const evaluationOrderAfterAuthentication: PropertyCheck<[TwoBrokenRules]> = {
  kind: 'property',
  id: 'evaluation-order-after-authentication',
  section: '§2',
  statement: 'an authenticated request breaking two rules gets the earlier step: an invalid field with a minor → 400, a minor with a taken externalId → 422',
  tags: ['order-of-evaluation', 'negative'],
  maxRuns: 40,
  arbitraries: (context) => [twoBrokenRules(context)],
  async predicate(context, broken) {
    if (broken.kind === 'field-and-age') {
      const { body, field, description } = broken.invalid;
      const json = { ...body, ...(field === 'externalId' ? {} : { externalId: context.uniqueExternalId() }), dateOfBirth: broken.dateOfBirth };
      const exchange = await context.client.send({ json });
      expectEnvelope(
        exchange,
        400,
        `field rules (400) are evaluated before age (422) (contract §2, steps 5 and 6): a minor (dateOfBirth ${broken.dateOfBirth}) with an invalid ${field} (${description})`,
      );
      return;
    }
    const externalId = context.uniqueExternalId();
    const created = await context.client.send({ json: { ...broken.existing, externalId } });
    expectCreated(created, externalId, 'setting up an externalId already taken: a valid user');
    const exchange = await context.client.send({ json: { ...broken.minor, externalId } });
    expectEnvelope(
      exchange,
      422,
      `age (422) is evaluated before externalId uniqueness (409) (contract §2, step 6): a minor (dateOfBirth ${broken.minor.dateOfBirth}) sent with the externalId ${externalId} already taken`,
    );
  },
};
