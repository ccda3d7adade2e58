import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../../src/contract/openapi.js';

const committedPath = join(import.meta.dirname, '..', '..', 'contract', 'partner-api.openapi.json');

describe('contract/partner-api.openapi.json', () => {
  it('is what the contract module generates (run `npm run generate` after changing src/contract)', () => {
    const committed: unknown = JSON.parse(readFileSync(committedPath, 'utf8'));
    expect(committed, 'contract/partner-api.openapi.json is stale: run `npm run generate`').toEqual(openApiDocument());
  });
});
