// Writes the artifacts generated from the code: the config's JSON Schema
// (boca.config.schema.json) and the OpenAPI document of the Partner API
// (contract/partner-api.openapi.json). `--check` writes nothing and exits 1
// when a committed file differs from what the code generates.
//
// There is no TypeScript loader at run time, so esbuild bundles the two
// generators into one module held in memory and imported as a data: URL.
import { build } from 'esbuild';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const check = process.argv.includes('--check');

const bundle = await build({
  stdin: {
    contents: [
      "export { configJsonSchema } from './src/config/config-json-schema.ts';",
      "export { openApiDocument } from './src/contract/openapi.ts';",
    ].join('\n'),
    resolveDir: root,
    loader: 'ts',
  },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  write: false,
  logLevel: 'warning',
});
const source = bundle.outputFiles[0].text;
const { configJsonSchema, openApiDocument } = await import(`data:text/javascript;base64,${Buffer.from(source).toString('base64')}`);

/** The one serialisation of every artifact; the drift tests compare parsed JSON. */
const serialise = (value) => `${JSON.stringify(value, null, 2)}\n`;

const artifacts = [
  ['boca.config.schema.json', configJsonSchema()],
  ['contract/partner-api.openapi.json', openApiDocument()],
];

let stale = 0;
for (const [path, value] of artifacts) {
  const file = join(root, path);
  const text = serialise(value);
  const current = await readFile(file, 'utf8').catch(() => undefined);
  if (current === text) continue;
  if (check) {
    stale++;
    console.error(`${path} is out of date: run \`npm run generate\``);
    continue;
  }
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, text);
  console.log(`wrote ${path}`);
}
if (stale > 0) process.exitCode = 1;
