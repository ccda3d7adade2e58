/** Builds the k6 bundles and user pool once per test file, into a temporary folder (never dist/). */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface BuiltScenarios {
  readonly outdir: string;
  readonly bundles: readonly string[];
  readonly usersFile: string;
  readonly users: number;
}

interface BuildModule {
  buildScenarios(options: { outdir: string; users?: number; today?: { year: number; month: number; day: number } }): Promise<BuiltScenarios>;
}

const script = new URL('../../../scripts/build-scenarios.mjs', import.meta.url);

let built: Promise<BuiltScenarios> | undefined;

/** The build function of scripts/build-scenarios.mjs, with 200 users to keep it quick. */
export function builtScenarios(): Promise<BuiltScenarios> {
  built ??= (import(pathToFileURL(script.pathname).href) as Promise<BuildModule>).then(({ buildScenarios }) =>
    buildScenarios({ outdir: mkdtempSync(join(tmpdir(), 'boca-scenarios-')), users: 200 }),
  );
  return built;
}

/** The bundle of scenario `name`. */
export async function bundlePath(name: string): Promise<string> {
  const path = (await builtScenarios()).bundles.find((b) => b.endsWith(`/${name}.js`));
  if (!path) throw new Error(`no bundle ${name}.js was built`);
  return path;
}
