/**
 * Loads a k6 bundle in Node with the stub k6 modules: its `k6`/`k6/*` import
 * specifiers are rewritten to file URLs of the stubs in this folder, the
 * result is written to a temporary file and imported. k6's init-context
 * globals `__ENV` and `open()` are set first (open reads next to the bundle).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const stubs: Readonly<Record<string, string>> = {
  k6: 'k6.ts',
  'k6/http': 'http.ts',
  'k6/crypto': 'crypto.ts',
  'k6/execution': 'execution.ts',
  'k6/metrics': 'metrics.ts',
  'k6/data': 'data.ts',
};
const stubDir = dirname(fileURLToPath(import.meta.url));

/** Every module specifier a bundle imports (static `import … from "x"` and bare `import "x"`). */
export function importSpecifiers(bundleText: string): string[] {
  return [...bundleText.matchAll(/^\s*import\s+(?:[^'"]*?\s+from\s+)?["']([^"']+)["'];?\s*$/gm)].map((m) => m[1]!);
}

export async function loadBundle(bundlePath: string, env: Record<string, string> = {}): Promise<Record<string, unknown>> {
  const text = readFileSync(bundlePath, 'utf8');
  const unknown = importSpecifiers(text).filter((s) => !(s in stubs));
  if (unknown.length > 0) throw new Error(`${basename(bundlePath)} imports modules without a stub: ${unknown.join(', ')}`);
  const rewritten = text.replace(/(\bfrom\s+|\bimport\s+)(["'])(k6(?:\/[a-z]+)?)\2/g, (_, keyword: string, quote: string, specifier: string) =>
    `${keyword}${quote}${pathToFileURL(join(stubDir, stubs[specifier]!)).href}${quote}`,
  );
  Object.assign(globalThis, { __ENV: env, open: (path: string) => readFileSync(resolve(dirname(bundlePath), path), 'utf8') });
  const file = join(mkdtempSync(join(tmpdir(), 'boca-k6-bundle-')), basename(bundlePath).replace(/\.js$/, '.mjs'));
  writeFileSync(file, rewritten);
  return (await import(pathToFileURL(file).href)) as Record<string, unknown>;
}
