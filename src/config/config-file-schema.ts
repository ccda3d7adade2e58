/**
 * The config file `boca.config.json`: the single source of its TypeScript
 * type, its validation and its JSON Schema (config-json-schema.ts). Unknown
 * keys are rejected at every level. Credentials of the target are never in
 * the file: they come from the environment (partners-from-env.ts).
 */
import * as z from 'zod';
import { hostname, httpUrl, nonEmptyString, port } from './config-values.js';
import { profileOverrideSchema } from './profile-override-schema.js';

/** The name looked for in the working directory. */
export const configFileName = 'boca.config.json';

/** An API key and its signing secret, for a sandbox partner. */
export const partnerSchema = z.strictObject(
  {
    apiKey: nonEmptyString().describe('The partner\'s API key, sent in the X-Api-Key header.'),
    secret: nonEmptyString().describe('The partner\'s signing secret, in the profile\'s secret encoding.'),
  },
  'expected an object with "apiKey" and "secret"',
);

/** The `sandbox` section: how `boca-harness serve` runs the local sandbox. */
export const sandboxSectionSchema = z.strictObject(
  {
    partners: z
      .array(partnerSchema, 'expected a non-empty array of {"apiKey", "secret"} objects')
      .min(1, 'expected a non-empty array of {"apiKey", "secret"} objects')
      .describe('The partners the sandbox knows (at least one). Default: two built-in test partners.')
      .optional(),
    port: port().describe('Port the sandbox listens on; 0 picks a free port.').optional(),
  },
  'expected an object',
);

/** The whole config file. */
export const configFileSchema = z
  .strictObject(
    {
      $schema: z.string('expected a string (path or URL of boca.config.schema.json)').describe('The JSON Schema of this file, for editors.').optional(),
      target: httpUrl().describe('Base URL of the Partner API under test, e.g. "https://partner-api.example.com". Default: the embedded sandbox.').optional(),
      allowHosts: z
        .array(hostname(), 'expected an array of host names')
        .describe('Host names, besides loopback, that load runs may target. A load run against any other host is refused.')
        .optional(),
      profile: profileOverrideSchema
        .describe('Overrides of the default profile (contract.md). Only the values given change; everything else keeps its default.')
        .optional(),
      sandbox: sandboxSectionSchema.describe('The local sandbox server.').optional(),
    },
    'expected a JSON object',
  )
  .describe('boca-harness configuration. Credentials come from BOCA_API_KEY / BOCA_API_SECRET (and _2 for a second partner), never from this file.');

/** A parsed config file. */
export type ConfigFile = z.infer<typeof configFileSchema>;
