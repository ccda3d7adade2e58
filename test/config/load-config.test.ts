import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig, parseConfigJson } from '../../src/config/index.js';
import { defaultProfile } from '../../src/contract/profile.js';

const repoRoot = join(import.meta.dirname, '..', '..');
let cwd: string;

beforeEach(() => {
  cwd = mkdtempSync(join(tmpdir(), 'boca-config-'));
});
afterEach(() => {
  rmSync(cwd, { recursive: true, force: true });
});

const write = (name: string, text: string): string => {
  writeFileSync(join(cwd, name), text);
  return join(cwd, name);
};

describe('loadConfig', () => {
  it('uses the defaults when the working directory has no boca.config.json', () => {
    const config = loadConfig({ cwd, env: {} });
    expect(config.profile).toEqual(defaultProfile);
    expect(config.source).toBeUndefined();
  });

  it('reads boca.config.json from the working directory', () => {
    const path = write('boca.config.json', JSON.stringify({ profile: { clockSkew: { windowSeconds: 60 } } }));
    const config = loadConfig({ cwd, env: { BOCA_API_KEY: 'pk', BOCA_API_SECRET: 'sk' } });
    expect(config.source).toBe(path);
    expect(config.profile.clockSkew.windowSeconds).toBe(60);
    expect(config.partners.primary).toEqual({ apiKey: 'pk', secret: 'sk' });
  });

  it('prefers an explicit path, relative to the working directory', () => {
    write('boca.config.json', JSON.stringify({ profile: { clockSkew: { windowSeconds: 60 } } }));
    mkdirSync(join(cwd, 'configs'));
    const path = write('configs/strict.json', JSON.stringify({ profile: { clockSkew: { windowSeconds: 90 } } }));
    const config = loadConfig({ configPath: 'configs/strict.json', cwd, env: {} });
    expect(config.source).toBe(path);
    expect(config.profile.clockSkew.windowSeconds).toBe(90);
  });

  it('fails when an explicit path does not exist or is a directory', () => {
    expect(() => loadConfig({ configPath: 'missing.json', cwd, env: {} })).toThrow(`${join(cwd, 'missing.json')}: no such file`);
    expect(() => loadConfig({ configPath: '.', cwd, env: {} })).toThrow('is a directory');
  });

  it('names the file, line and column of invalid JSON', () => {
    const path = write('boca.config.json', '{\n  "target": "https://x.example.com",\n  "profile": { "maxBodyBytes": 10, }\n}\n');
    expect(() => loadConfig({ cwd, env: {} })).toThrow(new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3:36: not valid JSON`));
  });

  it('names the file and the key of an invalid value', () => {
    const path = write('boca.config.json', JSON.stringify({ profile: { clockSkew: { windowSeconds: 0 } } }));
    expect(() => loadConfig({ cwd, env: {} })).toThrow(`${path}: profile.clockSkew.windowSeconds: got 0; expected a positive integer (seconds)`);
  });

  it('loads the example config shipped with the project', () => {
    const config = loadConfig({ configPath: 'boca.config.example.json', cwd: repoRoot, env: {} });
    expect(config.target).toBe('https://sandbox.partner-api.example.com');
    expect(config.sandbox.partners).toHaveLength(2);
    const example = JSON.parse(readFileSync(join(repoRoot, 'boca.config.example.json'), 'utf8')) as { $schema: string };
    expect(example.$schema).toBe('./boca.config.schema.json');
  });
});

describe('parseConfigJson', () => {
  it('accepts a UTF-8 byte-order mark', () => {
    expect(parseConfigJson('\uFEFF{"target":"https://x.example.com"}', 'f.json')).toEqual({ target: 'https://x.example.com' });
  });

  it('points at the end of a truncated file', () => {
    expect(() => parseConfigJson('{\n  "profile": {', 'f.json')).toThrow(/^f\.json:2:15: not valid JSON/);
  });
});
