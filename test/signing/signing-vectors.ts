/** The shared signing vectors (contract/signing-vectors.json), typed for tests. */
import { readFileSync } from 'node:fs';
import type { SigningProfile } from '../../src/contract/profile.js';

export interface SigningVector {
  readonly name: string;
  readonly description: string;
  readonly signing: SigningProfile;
  readonly request: { method: string; path: string; timestamp: string; body: string; apiKey: string };
  readonly secret: string;
  readonly expected: { bodySha256: string; canonicalString: string; signature: string };
}

export const signingVectors: readonly SigningVector[] = JSON.parse(
  readFileSync(new URL('../../contract/signing-vectors.json', import.meta.url), 'utf8'),
).vectors;
