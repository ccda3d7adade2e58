import { describe, expect, it } from 'vitest';
import { validUserCreated } from '../../src/checks/catalogue/valid-user-created.js';
import { explain, resultOf } from './run-against-sandbox.js';

describe('valid-user-created', () => {
  it('passes on the healthy sandbox', async () => {
    const result = await resultOf(validUserCreated, { runs: 30 });
    expect(result.status, explain(result)).toBe('passed');
    expect(result.requests).toBe(30);
  });

  it('fails, with a shrunk counterexample and a reproduction, when the sandbox answers 500 to non-ASCII names', async () => {
    const result = await resultOf(validUserCreated, { runs: 100, faults: ['server-error-on-unicode-name'] });
    expect(result.status, explain(result)).toBe('failed');
    const [failure] = result.failures;
    expect(failure!.section).toBe('§5');
    expect(failure!.actual).toMatch(/^500/);
    expect(failure!.id).toMatch(/^valid-user-created@42:/);
    expect(failure!.curl).toMatch(/re-signed at .* valid for ±300 s/);
    expect(failure!.replay).toBe(`boca-harness replay ${failure!.id}`);
  });
});
