/** The import rules of ARCHITECTURE.md, enforced: a layer that imports what it must not fails here. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');

function files(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    return statSync(join(root, path)).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** Every import specifier of a file, relative ones resolved to repo paths (`src/...`). */
function imports(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+'([^']+)'|import\('([^']+)'\)/g)].map((m) => {
    const spec = (m[1] ?? m[2])!;
    return spec.startsWith('.') ? relative(root, resolve(dirname(join(root, file)), spec)) : spec;
  });
}

const runtimeNeutral = ['src/contract', 'src/signing', 'src/fixtures', 'src/load/scenarios'];
const adapters = new Set(['src/signing/node-crypto.ts', 'src/signing/k6-crypto.ts']);

function offending(dirs: readonly string[], forbidden: (spec: string) => boolean, except = new Set<string>()): string[] {
  return dirs.flatMap((dir) => files(dir).filter((f) => !except.has(f)).flatMap((f) => imports(f).filter(forbidden).map((spec) => `${f} → ${spec}`)));
}

describe('architecture', () => {
  it('keeps the core runtime-neutral: no node:*, k6, undici or Node built-ins outside the two crypto adapters', () => {
    const platform = (spec: string) => spec.startsWith('node:') || spec === 'k6' || spec.startsWith('k6/') || spec === 'undici' || /^(fs|path|crypto|http|os|url)$/.test(spec);
    // `import type` from k6/options is erased; scenario definitions use it for their options' type.
    const runtime = (spec: string) => platform(spec) && spec !== 'k6/options';
    expect(offending(runtimeNeutral, runtime, adapters)).toEqual([]);
  });

  it('lets the core import only the core', () => {
    const upward = (spec: string) => spec.startsWith('src/') && !runtimeNeutral.some((dir) => spec.startsWith(dir)) && !spec.startsWith('src/load/scenario-definition') && !spec.startsWith('src/load/load-summary');
    expect(offending(runtimeNeutral, upward)).toEqual([]);
  });

  it('keeps the sandbox and the harness client apart', () => {
    expect(offending(['src/sandbox'], (s) => s.startsWith('src/http') || s.startsWith('src/checks') || s.startsWith('src/conformance'))).toEqual([]);
    expect(offending(['src/http'], (s) => s.startsWith('src/sandbox'))).toEqual([]);
    expect(offending(['src/checks'], (s) => s.startsWith('src/sandbox') || s.startsWith('src/conformance'))).toEqual([]);
  });

  it('lets only the CLI wire commands', () => {
    const dirs = readdirSync(join(root, 'src')).filter((d) => d !== 'cli' && statSync(join(root, 'src', d)).isDirectory()).map((d) => `src/${d}`);
    expect(offending(dirs, (s) => s.startsWith('src/cli/commands'))).toEqual([]);
  });
});
