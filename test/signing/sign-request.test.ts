import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { defaultProfile } from '../../src/contract/profile.js';
import { fromBase64, fromHex, portableUtf8Bytes, toBase64, toHex, utf8Bytes } from '../../src/signing/bytes.js';
import { nodeCrypto } from '../../src/signing/node-crypto.js';
import { signingPresets } from '../../src/signing/presets.js';
import { signRequest, verifySignature } from '../../src/signing/sign-request.js';
import { signingVectors } from './signing-vectors.js';

describe('signRequest with the Node adapter', () => {
  it('has at least the contract vector and ten edge cases', () => {
    expect(signingVectors[0]!.name).toBe('contract-vector');
    expect(signingVectors.length).toBeGreaterThanOrEqual(11);
  });

  it.each(signingVectors.map((v) => [v.name, v] as const))('reproduces vector %s byte for byte', (_, vector) => {
    const signed = signRequest(
      vector.request,
      { apiKey: vector.request.apiKey, secret: vector.secret },
      { profile: vector.signing, crypto: nodeCrypto },
    );
    expect(signed).toEqual(vector.expected);
  });

  it.each(signingVectors.map((v) => [v.name, v] as const))('signs body bytes like the body text for %s', (_, vector) => {
    const signed = signRequest(
      { ...vector.request, body: utf8Bytes(vector.request.body) },
      { apiKey: vector.request.apiKey, secret: vector.secret },
      { profile: vector.signing, crypto: nodeCrypto },
    );
    expect(signed.signature).toBe(vector.expected.signature);
  });
});

describe('verifySignature', () => {
  const vector = signingVectors[0]!;
  const credentials = { apiKey: 'pk', secret: vector.secret };
  const options = { profile: defaultProfile.signing, crypto: nodeCrypto };

  it('accepts the vector signature and reports the expected canonical string', () => {
    const result = verifySignature(vector.request, credentials, vector.expected.signature, options);
    expect(result.valid).toBe(true);
    expect(result.expected.canonicalString).toBe(vector.expected.canonicalString);
  });

  it('rejects upper-case hex, a prefix of the signature and an empty signature', () => {
    for (const presented of [vector.expected.signature.toUpperCase(), vector.expected.signature.slice(0, 32), '']) {
      expect(verifySignature(vector.request, credentials, presented, options).valid).toBe(false);
    }
  });

  test.prop([fc.nat({ max: 63 }), fc.constantFrom(...'0123456789abcdef')])(
    'rejects any single-character change of the signature',
    (index, replacement) => {
      const original = vector.expected.signature;
      fc.pre(original[index] !== replacement);
      const tampered = original.slice(0, index) + replacement + original.slice(index + 1);
      expect(verifySignature(vector.request, credentials, tampered, options).valid).toBe(false);
    },
  );

  test.prop([fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' })])(
    'both UTF-8 encoders agree with Buffer (astral characters and lone surrogates included)',
    (body, other) => {
      for (const text of [body, other]) {
        const expected = new Uint8Array(Buffer.from(text, 'utf8'));
        expect(utf8Bytes(text)).toEqual(expected);
        expect(portableUtf8Bytes(text)).toEqual(expected);
      }
    },
  );
});

describe('byte encodings', () => {
  test.prop([fc.uint8Array({ maxLength: 64 })])('hex and base64 round-trip and match Buffer', (bytes) => {
    expect(toHex(bytes)).toBe(Buffer.from(bytes).toString('hex'));
    expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
    expect(fromHex(toHex(bytes))).toEqual(bytes);
    expect(fromBase64(toBase64(bytes))).toEqual(bytes);
  });

  it('refuses text that is not hex or base64', () => {
    expect(fromHex('abc')).toBeUndefined();
    expect(fromHex('zz')).toBeUndefined();
    expect(fromBase64('abc')).toBeUndefined();
    expect(fromBase64('ab$=')).toBeUndefined();
  });

  it('offers the default and a Stripe-style preset', () => {
    expect(signingPresets.default).toEqual(defaultProfile.signing);
    expect(signingPresets.stripe.template).toBe('{TIMESTAMP}.{BODY}');
  });
});
