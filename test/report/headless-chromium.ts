/**
 * Drives Debian's Chromium directly (`--dump-dom`, `--screenshot`) for the
 * report.html browser test, until playwright-core is a dev dependency; then
 * these two functions are the only thing to swap. A missing browser is an
 * error, never a silent pass.
 */
import { execFile } from 'node:child_process';
import { access, constants, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll } from 'vitest';

const run = promisify(execFile);

/** `CHROMIUM_PATH` or `/usr/bin/chromium`. */
export const chromiumPath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** Throws a clear, actionable error when Chromium is not installed. */
export async function requireChromium(): Promise<void> {
  try {
    await access(chromiumPath, constants.X_OK);
  } catch {
    throw new Error(
      `Chromium not found at ${chromiumPath}: the report.html browser test needs it. ` +
        'Install it with `apt-get update && apt-get install -y chromium` (Debian), or set CHROMIUM_PATH.',
    );
  }
}

// Flags proven to work headless as root in a container, with no network chatter.
const flags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--hide-scrollbars',
];

async function withProfile<T>(use: (args: string[]) => Promise<T>): Promise<T> {
  const profile = await mkdtemp(join(tmpdir(), 'boca-chromium-'));
  try {
    return await use([...flags, `--user-data-dir=${profile}`]);
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
}

/** The DOM after the page's scripts ran, serialised. */
export async function dumpDom(url: string): Promise<string> {
  await requireChromium();
  return withProfile(async (args) => (await run(chromiumPath, [...args, '--dump-dom', url], { timeout: 60_000, maxBuffer: 64 << 20 })).stdout);
}

/** Saves a PNG of the page's top `width` × `height` CSS pixels. */
export async function screenshot(url: string, file: string, size: { width: number; height: number }): Promise<void> {
  await requireChromium();
  await withProfile((args) => run(chromiumPath, [...args, `--screenshot=${file}`, `--window-size=${size.width},${size.height}`, url], { timeout: 60_000 }));
}

/** Pages for one describe block: a temporary directory made before its tests and removed after them. */
export interface PageDirectory {
  /** Writes `html` as `name` and returns its file URL. */
  page(name: string, html: string): Promise<string>;
  /** The directory (for screenshots). */
  path(): string;
}

/** Registers the hooks of a PageDirectory in the calling describe block. */
export function pageDirectory(prefix: string): PageDirectory {
  let dir: string | undefined;
  // No requireChromium() here: a failing hook would report the tests as skipped; each test fails on its own instead.
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), prefix));
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });
  return {
    async page(name, html) {
      const file = join(dir!, name);
      await writeFile(file, html);
      return pathToFileURL(file).href;
    },
    path: () => dir!,
  };
}
