/**
 * Signing cost per request with the Node adapter (issue 2): a realistic
 * create-user body, signed as the harness signs every request, and verified
 * as the sandbox verifies it. Run: npm run bench:signing
 */
import { readFileSync } from 'node:fs';
import { bench, describe } from 'vitest';
import { defaultProfile } from '../src/contract/profile.js';
import { nodeCrypto } from '../src/signing/node-crypto.js';
import { signRequest, verifySignature } from '../src/signing/sign-request.js';

// The README's second example: accented names, a realistic size (≈ 330 bytes).
const body = JSON.stringify(JSON.parse(readFileSync(new URL('../examples/create-user-2.json', import.meta.url), 'utf8')));
const credentials = { apiKey: 'pk_bench', secret: 'sk_bench_secret' };
const options = { profile: defaultProfile.signing, crypto: nodeCrypto };
const request = { method: 'POST', path: '/v1/users', timestamp: '2026-12-03T12:00:00Z', body };
const bodyBytes = Buffer.from(body);
const { signature } = signRequest(request, credentials, options);

describe('signing (Node adapter), one create-user body', () => {
  bench('signRequest, body as string', () => {
    signRequest(request, credentials, options);
  });
  bench('signRequest, body as bytes', () => {
    signRequest({ ...request, body: bodyBytes }, credentials, options);
  });
  bench('verifySignature', () => {
    verifySignature({ ...request, body: bodyBytes }, credentials, signature, options);
  });
});
