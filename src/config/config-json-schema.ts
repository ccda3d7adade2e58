/** The JSON Schema of the config file, generated from its zod schema (committed as boca.config.schema.json). */
import * as z from 'zod';
import { configFileSchema } from './config-file-schema.js';

/**
 * The JSON Schema (draft-07, the dialect editors support best) of
 * `boca.config.json`. Checks a JSON Schema cannot express (regular
 * expressions that must compile, template placeholders, cross-field rules)
 * are enforced by `resolveConfig` only.
 */
export function configJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(configFileSchema, { target: 'draft-7', unrepresentable: 'any' }),
    title: 'boca-harness config (boca.config.json)',
  };
}
