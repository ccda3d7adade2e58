/**
 * Config overrides of the request-body field rules, contract §3. A field keeps
 * the kind of its default rule (a string stays a string); every other value of
 * the rule can be changed.
 */
import * as z from 'zod';
import { defaultFieldRules, fieldNames, type FieldName, type FieldRule } from '../contract/field-rules.js';
import { booleanValue, calendarDate, nonEmptyString, nonNegativeInteger, oneOf, positiveInteger, regexPattern } from './config-values.js';

const required = () => booleanValue().describe('Whether the field must be present (and, when nullable, not null).');

/** Overrides of a string rule. Lengths count Unicode code points. */
export const stringRuleOverrideSchema = z.strictObject(
  {
    required: required().optional(),
    nullable: booleanValue().describe('Accept `null` as "absent".').optional(),
    minLength: nonNegativeInteger('characters').describe('Fewest characters (Unicode code points).').optional(),
    maxLength: positiveInteger('characters').describe('Most characters (Unicode code points).').optional(),
    trim: booleanValue().describe('Measure lengths after trimming surrounding white space.').optional(),
    pattern: regexPattern()
      .describe('ECMAScript regular expression (compiled with the "u" flag) the whole value must match; anchor it with ^…$.')
      .optional(),
    format: oneOf(['email', 'personName'])
      .describe('A named format with a check of its own: WHATWG e-mail syntax, or Unicode letters, spaces, \' and -.')
      .optional(),
  },
  'expected an object',
);

/** Overrides of a `YYYY-MM-DD` date rule. */
export const dateRuleOverrideSchema = z.strictObject(
  {
    required: required().optional(),
    minDate: calendarDate().describe('Earliest accepted date, YYYY-MM-DD.').optional(),
    notAfterToday: booleanValue().describe('Reject dates after today (UTC).').optional(),
  },
  'expected an object',
);

/** Overrides of an enumeration rule. */
export const enumRuleOverrideSchema = z.strictObject(
  {
    required: required().optional(),
    values: z
      .array(nonEmptyString(), 'expected a non-empty array of strings')
      .min(1, 'expected a non-empty array of strings')
      .describe('The accepted values, compared exactly (case-sensitive).')
      .optional(),
  },
  'expected an object',
);

/** Overrides of a JSON boolean rule. */
export const booleanRuleOverrideSchema = z.strictObject({ required: required().optional() }, 'expected an object');

/** The override schema for each kind of field rule. */
export const ruleOverrideSchemas = {
  string: stringRuleOverrideSchema,
  date: dateRuleOverrideSchema,
  enum: enumRuleOverrideSchema,
  boolean: booleanRuleOverrideSchema,
} as const;

type RuleOverrideSchemas = typeof ruleOverrideSchemas;
type FieldOverrideShape = { [F in FieldName]: z.ZodOptional<RuleOverrideSchemas[(typeof defaultFieldRules)[F]['kind']]> };

function describeRule(rule: FieldRule): string {
  const { kind: _kind, ...rest } = rule;
  return `Default: ${JSON.stringify(rest)}.`;
}

const shape = Object.fromEntries(
  fieldNames.map((name) => {
    const rule = defaultFieldRules[name];
    return [name, ruleOverrideSchemas[rule.kind].describe(`The ${name} rule (${rule.kind}), contract §3. ${describeRule(rule)}`).optional()];
  }),
) as unknown as FieldOverrideShape;

/** Per-field overrides of the body rules, keyed by JSON property name (contract §3). */
export const fieldsOverrideSchema = z.strictObject(shape, 'expected an object keyed by field name');
