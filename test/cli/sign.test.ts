import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { signingVectors } from '../signing/signing-vectors.js';
import { captureIo } from './capture-io.js';

const vector = signingVectors[0]!;
const dir = mkdtempSync(join(tmpdir(), 'boca-sign-'));
const bodyFile = join(dir, 'body.json');
writeFileSync(bodyFile, vector.request.body);
const env = { BOCA_API_KEY: 'pk_test', BOCA_API_SECRET: vector.secret };

describe('boca-harness sign', () => {
  it('reproduces the contract vector and prints a curl command that sends the file bytes', async () => {
    const io = captureIo(env, dir);
    const code = await main(['sign', '--body', 'body.json', '--timestamp', vector.request.timestamp], io);
    expect(code).toBe(0);
    expect(io.out()).toContain(vector.expected.canonicalString);
    expect(io.out()).toContain(`Body SHA-256:  ${vector.expected.bodySha256}`);
    expect(io.out()).toContain(`Signature:     ${vector.expected.signature}`);
    expect(io.out()).toContain("-H 'X-Request-Signature: " + vector.expected.signature + "'");
    expect(io.out()).toContain('--data-binary @body.json');
    expect(io.out()).toContain('http://127.0.0.1:8787/v1/users');
  });

  it('never prints the secret, in text, JSON or curl form', async () => {
    for (const extra of [[], ['--json'], ['--curl']]) {
      const io = captureIo(env, dir);
      expect(await main(['sign', '--body', bodyFile, ...extra], io)).toBe(0);
      expect(io.out() + io.err()).not.toContain(vector.secret);
    }
  });

  it('prints JSON with the same signature', async () => {
    const io = captureIo(env, dir);
    await main(['sign', '--body', bodyFile, '--timestamp', vector.request.timestamp, '--json'], io);
    const result = JSON.parse(io.out());
    expect(result.signature).toBe(vector.expected.signature);
    expect(result.canonicalString).toBe(vector.expected.canonicalString);
  });

  it('inlines a body from standard input byte for byte, quoting it for the shell', async () => {
    const io = captureIo(env, dir);
    const { Readable } = await import('node:stream');
    const original = process.stdin;
    const body = `{"lastName":"O'Brien"}\n`;
    Object.defineProperty(process, 'stdin', { value: Readable.from([Buffer.from(body)]), configurable: true });
    try {
      expect(await main(['sign', '--body', '-', '--curl'], io)).toBe(0);
    } finally {
      Object.defineProperty(process, 'stdin', { value: original, configurable: true });
    }
    expect(io.out()).toContain(`--data-binary '{"lastName":"O'\\''Brien"}\n'`);
  });

  it.each([
    [['sign', '--body', 'body.json'], {}, /BOCA_API_KEY and BOCA_API_SECRET/],
    [['sign'], env, /--body FILE/],
    [['sign', '--body', 'missing.json'], env, /Cannot read the body file missing.json: ENOENT/],
    [['sign', '--body', 'body.json', '--timestamp', '1714564800'], env, /not an RFC 3339 date-time/],
    [['sign', '--body', 'body.json', '--idempotency-key', 'abc'], env, /not a UUID/],
    [['sign', '--body', 'body.json', '--bogus'], env, /Unknown option '--bogus'/],
  ])('refuses %j with a clear message and exit 2', async (argv, environment, message) => {
    const io = captureIo(environment, dir);
    expect(await main(argv, io)).toBe(2);
    expect(io.err()).toMatch(message);
    expect(io.err()).not.toMatch(/\n\s+at /);
  });

  it('teaches in --help', async () => {
    const io = captureIo(env, dir);
    expect(await main(['sign', '--help'], io)).toBe(0);
    expect(io.out()).toMatch(/Usage: boca-harness sign/);
    expect(io.out()).toMatch(/Examples:/);
  });
});
