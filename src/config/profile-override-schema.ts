/**
 * The `profile` section of the config file: a deep-partial override of the
 * contract's default profile. Every value marked *(profile)* in the contract
 * can be changed here; profile-override-check.ts keeps this schema and the
 * `Profile` type from drifting apart at compile time.
 */
import * as z from 'zod';
import { defaultProfile } from '../contract/profile.js';
import { signingPresets, type SigningPresetName } from '../signing/presets.js';
import { fieldsOverrideSchema } from './field-override-schema.js';
import { booleanValue, headerName, oneOf, positiveInteger, positiveNumber, signingTemplate, urlPath } from './config-values.js';

const object = 'expected an object';
const byDefault = (value: unknown): string => `Default: ${JSON.stringify(value)}.`;
const d = defaultProfile;

const presetNames = Object.keys(signingPresets) as [SigningPresetName, ...SigningPresetName[]];

/** Request signing, contract §1. `preset` is applied first, then the explicit fields. */
export const signingOverrideSchema = z.strictObject(
  {
    preset: oneOf(presetNames)
      .describe(`A named signing profile applied before the fields below: ${presetNames.join(', ')}.`)
      .optional(),
    template: signingTemplate()
      .describe(
        `The canonical string. Placeholders: {METHOD}, {PATH} (request-target with ?query), {TIMESTAMP} (header value verbatim), {BODY_SHA256} (lowercase hex of the exact body bytes), {BODY}, {API_KEY}. ${byDefault(d.signing.template)}`,
      )
      .optional(),
    secretEncoding: oneOf(['utf8', 'hex', 'base64'])
      .describe(`How the signing secret string becomes HMAC key bytes. ${byDefault(d.signing.secretEncoding)}`)
      .optional(),
    signatureEncoding: oneOf(['hex', 'base64'])
      .describe(`How the 32-byte HMAC-SHA256 is written in the signature header. ${byDefault(d.signing.signatureEncoding)}`)
      .optional(),
    signaturePrefix: z
      .string('expected a string, e.g. "v1="')
      .describe(`Text before the encoded signature in the header, e.g. "v1=". ${byDefault(d.signing.signaturePrefix)}`)
      .optional(),
  },
  object,
);

/** The whole `profile` section. */
export const profileOverrideSchema = z.strictObject(
  {
    endpoint: z
      .strictObject(
        {
          method: oneOf(['POST', 'PUT', 'PATCH']).describe(`HTTP method of the create-user operation. ${byDefault(d.endpoint.method)}`).optional(),
          path: urlPath().describe(`Path of the create-user operation. ${byDefault(d.endpoint.path)}`).optional(),
        },
        object,
      )
      .describe('The create-user operation.')
      .optional(),
    headers: z
      .strictObject(
        {
          apiKey: headerName().describe(`Header carrying the API key. ${byDefault(d.headers.apiKey)}`).optional(),
          timestamp: headerName().describe(`Header carrying the RFC 3339 timestamp. ${byDefault(d.headers.timestamp)}`).optional(),
          signature: headerName().describe(`Header carrying the signature. ${byDefault(d.headers.signature)}`).optional(),
          idempotencyKey: headerName().describe(`Header carrying the idempotency key. ${byDefault(d.headers.idempotencyKey)}`).optional(),
        },
        object,
      )
      .describe('Header names, contract §1 and §4.')
      .optional(),
    signing: signingOverrideSchema.describe('Request signing, contract §1.').optional(),
    clockSkew: z
      .strictObject(
        {
          windowSeconds: positiveInteger('seconds')
            .describe(`W: accepted distance of the timestamp from the server's clock, past and future alike. ${byDefault(d.clockSkew.windowSeconds)}`)
            .optional(),
          marginSeconds: positiveInteger('seconds')
            .describe(`m: margin kept around W when probing its edges; must be less than W. ${byDefault(d.clockSkew.marginSeconds)}`)
            .optional(),
        },
        object,
      )
      .describe('The clock-skew window, contract §1.')
      .optional(),
    idempotency: z
      .strictObject(
        {
          ttlSeconds: positiveInteger('seconds').describe(`How long a stored result is replayed. ${byDefault(d.idempotency.ttlSeconds)}`).optional(),
          fingerprint: oneOf(['bytes', 'json'])
            .describe(`"bytes": SHA-256 of the body bytes; "json": of its canonical JSON. ${byDefault(d.idempotency.fingerprint)}`)
            .optional(),
          mismatchStatus: oneOf([400, 409, 422])
            .describe(`Status for the same key with another body. ${byDefault(d.idempotency.mismatchStatus)}`)
            .optional(),
        },
        object,
      )
      .describe('Idempotency-Key semantics, contract §4.')
      .optional(),
    rateLimit: z
      .strictObject(
        {
          requestsPerSecond: positiveNumber('requests per second')
            .describe(`Sustained requests per second per API key. ${byDefault(d.rateLimit.requestsPerSecond)}`)
            .optional(),
          burst: positiveInteger('requests').describe(`Requests that may arrive at once. ${byDefault(d.rateLimit.burst)}`).optional(),
          scope: oneOf(['apiKey']).describe(`What the limit counts per. ${byDefault(d.rateLimit.scope)}`).optional(),
        },
        object,
      )
      .describe('The rate limit, contract §6.')
      .optional(),
    maxBodyBytes: positiveInteger('bytes').describe(`Largest accepted body; larger bodies get 400. ${byDefault(d.maxBodyBytes)}`).optional(),
    fields: fieldsOverrideSchema.describe('Request-body field rules, contract §3, keyed by JSON property name.').optional(),
    age: z
      .strictObject(
        { minimumYears: positiveInteger('years').describe(`Minimum age on today's date (UTC). ${byDefault(d.age.minimumYears)}`).optional() },
        object,
      )
      .describe('The age rule, contract §3.')
      .optional(),
    postalCodeProvinceCheck: booleanValue()
      .describe(`Reject postal codes whose first letter does not belong to the province. ${byDefault(d.postalCodeProvinceCheck)}`)
      .optional(),
  },
  object,
);

/** A parsed `profile` section. */
export type ProfileOverride = z.infer<typeof profileOverrideSchema>;
