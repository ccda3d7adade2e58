/** `boca-harness serve` driven through the CLI entry (main), in process, stopped by its abort signal. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { parseRequestsPerSecond } from '../../src/cli/rate-limit-option.js';
import { captureIo } from '../cli/capture-io.js';
import { partner2, send } from './sandbox-client.js';

const cwd = mkdtempSync(join(tmpdir(), 'boca-serve-'));
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

function cliIo(env: Record<string, string> = {}) {
  const io = captureIo(env, cwd);
  const banner = async (): Promise<string> => {
    for (let i = 0; i < 500 && !io.out().includes('Press Ctrl-C'); i++) await new Promise((r) => setTimeout(r, 10));
    return io.out();
  };
  return { io, stop: io.abort, banner, output: io.out, errors: io.err };
}

describe('serve', () => {
  it('prints its URL, endpoint, partners and a signing hint, serves, and stops on abort with exit 0', async () => {
    const cli = cliIo();
    const exit = main(['serve', '--port', '0', '--rate-limit', '3000/m', '--burst', '7'], cli.io);
    const banner = await cli.banner();
    const url = /listening on (http:\/\/\S+)/.exec(banner)?.[1];
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(banner).toContain(`POST ${url}/v1/users`);
    expect(banner).toContain('pk_sandbox_partner1');
    expect(banner).toContain('sk_sandbox_partner2_do_not_use_in_production');
    expect(banner).toContain('50 requests/s per API key, burst 7');
    expect(banner).toMatch(/boca-harness sign .*--target/);
    const reply = await send(url!, { partner: partner2 });
    expect(reply.status).toBe(201);
    expect(reply.headers['ratelimit-policy']).toBe('"default";q=7;w=1');
    cli.stop();
    expect(await exit).toBe(0);
    expect(cli.output()).toContain('Sandbox stopped.');
  });

  it('takes partners from BOCA_API_KEY/BOCA_API_SECRET and never prints their secret', async () => {
    const cli = cliIo({ BOCA_API_KEY: 'pk_mine', BOCA_API_SECRET: 'my-real-secret' });
    const exit = main(['serve', '--port', '0', '--no-rate-limit', '--fault', 'minors-accepted'], cli.io);
    const banner = await cli.banner();
    cli.stop();
    expect(await exit).toBe(0);
    expect(banner).toContain('X-Api-Key pk_mine  secret (secret from BOCA_API_SECRET)');
    expect(banner).not.toContain('my-real-secret');
    expect(banner).toContain('pk_sandbox_partner2');
    expect(banner).toMatch(/rate limit\s+off/);
    expect(banner).toContain('minors-accepted');
  });

  it('reads sandbox partners from --config', async () => {
    const configPath = join(cwd, 'boca.config.json');
    writeFileSync(configPath, JSON.stringify({ sandbox: { partners: [{ apiKey: 'pk_cfg', secret: 'cfg-secret' }] } }));
    const cli = cliIo();
    const exit = main(['serve', '--port', '0', '--config', configPath], cli.io);
    const banner = await cli.banner();
    cli.stop();
    expect(await exit).toBe(0);
    expect(banner).toContain('pk_cfg');
    expect(banner).not.toContain('cfg-secret');
    rmSync(configPath);
  });

  it.each([
    [['--fault', 'no-such-fault'], /Unknown fault "no-such-fault".*signature-not-checked/s],
    [['--rate-limit', 'fast'], /--rate-limit fast: expected a positive rate/],
    [['--rate-limit', '5', '--no-rate-limit'], /cannot be combined/],
    [['--port', '70000'], /--port 70000: expected a whole number from 0 to 65535/],
    [['--latency=-5'], /--latency -5/],
    [['--burst', '0'], /--burst 0/],
    [['--latency', 'soon'], /--latency soon/],
  ])('rejects %j with a usage error (exit 2)', async (args, message) => {
    const cli = cliIo();
    expect(await main(['serve', '--port', '0', ...args], cli.io)).toBe(2);
    expect(cli.errors()).toMatch(message);
  });

  it('teaches in its help: options, faults and examples', async () => {
    const cli = cliIo();
    expect(await main(['serve', '--help'], cli.io)).toBe(0);
    for (const expected of ['--rate-limit', '--db FILE', 'retry-after-missing', 'Examples:']) expect(cli.output()).toContain(expected);
  });

  it('parses rates per second and per minute', () => {
    expect(parseRequestsPerSecond('50')).toBe(50);
    expect(parseRequestsPerSecond('50/s')).toBe(50);
    expect(parseRequestsPerSecond('3000/m')).toBe(50);
    expect(parseRequestsPerSecond('0.5/s')).toBe(0.5);
  });
});
