/**
 * k6: the k6 signing adapter (k6/crypto) against the shared vectors
 * (contract/signing-vectors.json, made with Python's hashlib/hmac). Any
 * mismatch fails a check, and the `checks` threshold fails the run (exit 99).
 * Run from the repository root: `k6 run dist/scenarios/signing-vectors.js`
 * (or -e BOCA_SIGNING_VECTORS=path).
 */
import { check } from 'k6';
import type { Options } from 'k6/options';
import type { SigningProfile } from '../src/contract/profile.js';
import { k6Crypto } from '../src/signing/k6-crypto.js';
import { signRequest } from '../src/signing/sign-request.js';

interface SigningVector {
  readonly name: string;
  readonly signing: SigningProfile;
  readonly request: { method: string; path: string; timestamp: string; body: string; apiKey: string };
  readonly secret: string;
  readonly expected: { bodySha256: string; canonicalString: string; signature: string };
}

// open() resolves relative to this bundle: dist/scenarios/ → the repository root.
const vectors = (JSON.parse(open(__ENV.BOCA_SIGNING_VECTORS || '../../contract/signing-vectors.json')) as { vectors: SigningVector[] }).vectors;

export const options: Options = {
  scenarios: { vectors: { executor: 'shared-iterations', vus: 1, iterations: 1, exec: 'signingVectors' } },
  thresholds: { checks: ['rate==1'] },
};

export function signingVectors(): void {
  check(vectors, { 'there are signing vectors': (v) => v.length > 0 });
  for (const vector of vectors) {
    const signed = signRequest(vector.request, { apiKey: vector.request.apiKey, secret: vector.secret }, { profile: vector.signing, crypto: k6Crypto });
    const ok = check(signed, {
      [`${vector.name}: body SHA-256`]: (s) => s.bodySha256 === vector.expected.bodySha256,
      [`${vector.name}: canonical string`]: (s) => s.canonicalString === vector.expected.canonicalString,
      [`${vector.name}: signature`]: (s) => s.signature === vector.expected.signature,
    });
    if (!ok) console.error(`signing vector ${vector.name}: expected ${vector.expected.signature}, got ${signed.signature}`);
  }
}
