import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/index.js';
import { fieldNames } from '../../src/contract/field-rules.js';
import { openApiDocument, signaturePattern } from '../../src/contract/openapi.js';
import { defaultProfile, type Profile } from '../../src/contract/profile.js';
import { errorCodes, documentedStatuses, uuidPattern } from '../../src/contract/responses.js';
import { validateUser } from '../../src/contract/validate-user.js';
import { signingPresets } from '../../src/signing/presets.js';

type Json = { readonly [key: string]: any };

const operationOf = (doc: Json, profile: Profile = defaultProfile): Json =>
  doc.paths[profile.endpoint.path][profile.endpoint.method.toLowerCase()];
const parameter = (doc: Json, name: string): Json => operationOf(doc).parameters.find((p: Json) => p.name === name);
const bodySchema = (doc: Json): Json => doc.components.schemas.CreateUserRequest;
const profileWith = (override: unknown): Profile => resolveConfig({ profile: override }, {}).profile;
/** The validator may annotate what it is given, so it gets a copy. */
const validate = (doc: unknown) => new Validator().validate(structuredClone(doc) as Record<string, unknown>);

describe('openApiDocument', () => {
  const doc = openApiDocument() as Json;

  it('is a valid OpenAPI 3.1 document for @seriousme/openapi-schema-validator', async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(doc) as Record<string, unknown>);
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it('is checked for real: the validator rejects a document that breaks the 3.1 schema', async () => {
    const broken = { ...structuredClone(doc), components: { ...doc.components, securitySchemes: { partnerApiKey: { type: 'apiKey' } } } };
    expect((await validate(broken)).valid).toBe(false);
  });

  it('stays valid under a non-default profile', async () => {
    const profile = profileWith({ signing: { preset: 'base64', signaturePrefix: 'v1=' }, endpoint: { method: 'PUT', path: '/v2/partner-users' } });
    const result = await validate(openApiDocument(profile));
    expect(result).toEqual({ valid: true });
  });

  it('has the body schema of the profile\'s field rules', () => {
    const schema = bodySchema(doc);
    expect(Object.keys(schema.properties)).toEqual([...fieldNames]);
    expect(schema.required).toEqual(fieldNames.filter((name) => defaultProfile.fields[name].required));
    for (const name of fieldNames) {
      const rule = defaultProfile.fields[name];
      const property: Json = schema.properties[name];
      if (rule.kind === 'string') {
        expect([property.minLength, property.maxLength, property.pattern], name).toEqual([rule.minLength, rule.maxLength, rule.pattern]);
        expect(property.type, name).toEqual(rule.nullable ? ['string', 'null'] : 'string');
      } else if (rule.kind === 'enum') {
        expect(property, name).toMatchObject({ type: 'string', enum: rule.values });
      } else if (rule.kind === 'date') {
        expect(property, name).toMatchObject({ type: 'string', format: 'date' });
        expect(property.description).toContain(rule.minDate);
      } else {
        expect(property.type, name).toBe('boolean');
      }
    }
    expect(schema.properties.email.format).toBe('email');
    expect(schema.properties.addressLine2.type).toEqual(['string', 'null']);
  });

  it('has a request example that the contract\'s own validator accepts', () => {
    const example = operationOf(doc).requestBody.content['application/json'].example;
    expect(validateUser(example, defaultProfile, { year: 2026, month: 3, day: 13 })).toEqual([]);
  });

  it('describes the headers of contract §1 and §4', () => {
    expect(doc.components.securitySchemes.partnerApiKey).toMatchObject({ type: 'apiKey', in: 'header', name: 'X-Api-Key' });
    expect(doc.security).toEqual([{ partnerApiKey: [] }]);
    expect(parameter(doc, 'X-Request-Timestamp')).toMatchObject({ in: 'header', required: true, schema: { format: 'date-time' } });
    expect(parameter(doc, 'X-Request-Signature')).toMatchObject({ in: 'header', required: true, schema: { pattern: '^[0-9a-f]{64}$' } });
    expect(parameter(doc, 'Idempotency-Key')).toMatchObject({ in: 'header', required: false, schema: { format: 'uuid', pattern: uuidPattern.source } });
  });

  it('documents every status, the error code of each and the headers that go with them', () => {
    const responses: Json = operationOf(doc).responses;
    expect(Object.keys(responses)).toEqual(documentedStatuses.map(String));
    const schemas: Json = doc.components.schemas;
    for (const [status, code] of Object.entries(errorCodes)) {
      const name = responses[status].content['application/json'].schema.$ref.split('/').pop();
      expect(schemas[name].allOf[1].properties.error.const, status).toBe(code);
      expect(responses[status].content['application/json'].example.error).toBe(code);
    }
    expect(schemas.ErrorEnvelope.properties.fieldErrors.items.$ref).toBe('#/components/schemas/FieldError');
    expect(responses['201'].content['application/json'].schema.$ref).toBe('#/components/schemas/CreatedUser');
    expect(responses['201'].headers['Idempotent-Replayed']).toBeDefined();
    expect(responses['429'].headers['Retry-After']).toEqual({ $ref: '#/components/headers/Retry-After' });
    expect(doc.components.headers['Retry-After'].required).toBe(true);
    expect(responses['429'].headers.RateLimit).toBeDefined();
    expect(responses['401'].headers).toBeUndefined();
  });

  it('cites the contract sections with the profile\'s values', () => {
    const text: string = doc.info.description;
    for (const section of ['§1', '§2', '§3', '§4', '§6']) expect(text).toContain(section);
    expect(text).toContain('±300 s');
    expect(text).toContain(defaultProfile.signing.template);
    expect(text).toContain('24 h');
    expect(text).toContain('50 requests/s per API key, bursts of 50');
  });
});

describe('openApiDocument under profile overrides', () => {
  it('follows the clock-skew window, field lengths and rules', () => {
    const profile = profileWith({
      clockSkew: { windowSeconds: 120 },
      fields: { city: { maxLength: 40 }, province: { values: ['ON'] }, addressLine2: { nullable: false } },
      idempotency: { mismatchStatus: 409, ttlSeconds: 3600 },
    });
    const doc = openApiDocument(profile) as Json;
    const body = bodySchema(doc);
    expect(body.properties.city.maxLength).toBe(40);
    expect(body.properties.province.enum).toEqual(['ON']);
    expect(body.properties.addressLine2.type).toBe('string');
    expect(doc.info.description).toContain('±120 s');
    expect(doc.info.description).toContain('1 h per API key');
    expect(doc.info.description).toContain('another body: 409');
    expect(parameter(doc, 'X-Request-Timestamp').description).toContain('±120 s');
    expect(doc).not.toEqual(openApiDocument());
  });

  it('follows header names, the endpoint and the signing encoding', () => {
    const profile = profileWith({
      headers: { apiKey: 'Api-Key', signature: 'Signature' },
      endpoint: { path: '/v2/users' },
      signing: { preset: 'stripe', signaturePrefix: 'v1=' },
    });
    const doc = openApiDocument(profile) as Json;
    expect(Object.keys(doc.paths)).toEqual(['/v2/users']);
    expect(doc.components.securitySchemes.partnerApiKey.name).toBe('Api-Key');
    expect(operationOf(doc, profile).parameters.find((p: Json) => p.name === 'Signature').schema.pattern).toBe('^v1=[0-9a-f]{64}$');
    expect(doc.info.description).toContain(signingPresets.stripe.template);
  });
});

describe('signaturePattern', () => {
  const matches = (pattern: string, value: string) => new RegExp(pattern, 'u').test(value);
  const contractSignature = '6935fd6db2890e2a723ad913b78aa0d25cc1503c79956c15dde14f3e19f0d494';

  it('matches the contract vector\'s signature and nothing looser', () => {
    const pattern = signaturePattern(defaultProfile.signing);
    expect(matches(pattern, contractSignature)).toBe(true);
    expect(matches(pattern, contractSignature.toUpperCase())).toBe(false);
    expect(matches(pattern, contractSignature.slice(1))).toBe(false);
  });

  it('matches a base64 HMAC after a prefix that holds regex characters', () => {
    const pattern = signaturePattern({ signatureEncoding: 'base64', signaturePrefix: 'v1+=' });
    const base64 = Buffer.from(contractSignature, 'hex').toString('base64');
    expect(matches(pattern, `v1+=${base64}`)).toBe(true);
    expect(matches(pattern, base64)).toBe(false);
  });
});
