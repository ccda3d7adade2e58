import { describe, expect, it } from 'vitest';
import { partnersFromEnv } from '../../src/config/index.js';
import { isUsageError } from '../../src/errors.js';

function messageOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(isUsageError(error)).toBe(true);
    expect((error as { code: string }).code).toBe('BOCA_CREDENTIALS');
    return (error as Error).message;
  }
  throw new Error('expected a usage error');
}

describe('partnersFromEnv', () => {
  it('has no partners when no variable is set, or when they are empty', () => {
    expect(partnersFromEnv({})).toEqual({});
    expect(partnersFromEnv({ BOCA_API_KEY: '', BOCA_API_SECRET: '' })).toEqual({});
  });

  it('reads the primary and the secondary partner', () => {
    expect(partnersFromEnv({ BOCA_API_KEY: 'pk_1', BOCA_API_SECRET: 'sk_1' })).toEqual({ primary: { apiKey: 'pk_1', secret: 'sk_1' } });
    expect(
      partnersFromEnv({ BOCA_API_KEY: 'pk_1', BOCA_API_SECRET: 'sk_1', BOCA_API_KEY_2: 'pk_2', BOCA_API_SECRET_2: 'sk_2' }),
    ).toEqual({ primary: { apiKey: 'pk_1', secret: 'sk_1' }, secondary: { apiKey: 'pk_2', secret: 'sk_2' } });
  });

  it.each([
    [{ BOCA_API_KEY: 'pk' }, 'BOCA_API_KEY is set but BOCA_API_SECRET is not'],
    [{ BOCA_API_SECRET: 'sk' }, 'BOCA_API_SECRET is set but BOCA_API_KEY is not'],
    [{ BOCA_API_KEY: 'pk', BOCA_API_SECRET: 'sk', BOCA_API_SECRET_2: 'sk2' }, 'BOCA_API_SECRET_2 is set but BOCA_API_KEY_2 is not'],
    [{ BOCA_API_KEY: 'pk', BOCA_API_SECRET: 'sk', BOCA_API_KEY_2: 'pk2' }, 'BOCA_API_KEY_2 is set but BOCA_API_SECRET_2 is not'],
  ])('names both variables of a half-set pair: %j', (env, expected) => {
    expect(messageOf(() => partnersFromEnv(env))).toContain(expected);
  });

  it('rejects a second partner without a first, or with the same API key', () => {
    expect(messageOf(() => partnersFromEnv({ BOCA_API_KEY_2: 'pk', BOCA_API_SECRET_2: 'sk' }))).toContain('BOCA_API_KEY is not');
    expect(
      messageOf(() => partnersFromEnv({ BOCA_API_KEY: 'pk', BOCA_API_SECRET: 'a', BOCA_API_KEY_2: 'pk', BOCA_API_SECRET_2: 'b' })),
    ).toContain('BOCA_API_KEY_2 equals BOCA_API_KEY');
  });

  it('checks each secret against the secret encoding of the profile', () => {
    expect(partnersFromEnv({ BOCA_API_KEY: 'pk', BOCA_API_SECRET: '00ff' }, 'hex').primary?.secret).toBe('00ff');
    expect(messageOf(() => partnersFromEnv({ BOCA_API_KEY: 'pk', BOCA_API_SECRET: 'zz' }, 'hex'))).toContain('BOCA_API_SECRET is not valid hex');
  });
});
