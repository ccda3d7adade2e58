import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configJsonSchema } from '../../src/config/index.js';

const repoRoot = join(import.meta.dirname, '..', '..');
const readJson = (path: string): unknown => JSON.parse(readFileSync(join(repoRoot, path), 'utf8'));

type Schema = { properties?: Record<string, Schema>; items?: Schema; additionalProperties?: unknown; description?: string };

/** Every key of `value` is a property of `schema`, recursively; returns the dotted keys that are not. */
function keysOutsideSchema(value: unknown, schema: Schema, path = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => keysOutsideSchema(item, schema.items ?? {}, `${path}[${i}]`));
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, inner]) => {
    const child = schema.properties?.[key];
    const at = path ? `${path}.${key}` : key;
    return child ? keysOutsideSchema(inner, child, at) : [at];
  });
}

describe('boca.config.schema.json', () => {
  it('is what the code generates (run `npm run generate` after changing src/config)', () => {
    expect(readJson('boca.config.schema.json'), 'boca.config.schema.json is stale: run `npm run generate`').toEqual(configJsonSchema());
  });

  it('rejects unknown keys and describes every property, for editors', () => {
    const schema = configJsonSchema() as Schema;
    const undocumented: string[] = [];
    const walk = (node: Schema, path: string): void => {
      if (node.properties) expect(node.additionalProperties, path).toBe(false);
      for (const [key, child] of Object.entries(node.properties ?? {})) {
        if (!child.description) undocumented.push(`${path}${key}`);
        walk(child, `${path}${key}.`);
      }
      if (node.items) walk(node.items, path);
    };
    walk(schema, '');
    expect(undocumented).toEqual([]);
  });

  it('covers every key of the example config', () => {
    const example = readJson('boca.config.example.json');
    expect(keysOutsideSchema(example, configJsonSchema() as Schema)).toEqual([]);
  });
});
