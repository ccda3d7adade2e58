/**
 * Turning validation issues into messages a user can act on:
 * `<file>: <dotted.key>: <problem>; <expected form>`, one line per issue.
 */
import type * as z from 'zod';

/** `profile.fields.email.maxLength`, `sandbox.partners[0].apiKey`. */
export function dottedPath(path: readonly PropertyKey[]): string {
  return path.map((key, i) => (typeof key === 'number' ? `[${key}]` : i === 0 ? String(key) : `.${String(key)}`)).join('');
}

/** A short, safe description of a value the user wrote. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return value.length === 0 ? 'an empty array' : `an array of ${value.length}`;
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  return String(value);
}

interface SchemaDef {
  readonly type: string;
  readonly shape?: Record<string, { _zod: { def: SchemaDef } }>;
  readonly innerType?: { _zod: { def: SchemaDef } };
  readonly element?: { _zod: { def: SchemaDef } };
}

/** The keys an object schema allows at `path`, found by walking the schema. */
function allowedKeys(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let def = schema._zod.def as unknown as SchemaDef;
  const unwrap = () => {
    while (def.type === 'optional' && def.innerType) def = def.innerType._zod.def;
  };
  for (const key of path) {
    unwrap();
    const next = typeof key === 'number' ? def.element : def.shape?.[String(key)];
    if (!next) return [];
    def = next._zod.def;
  }
  unwrap();
  return Object.keys(def.shape ?? {});
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(above + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

function unknownKeyMessage(key: string, allowed: readonly string[]): string {
  const close = allowed.find((name) => name.toLowerCase() === key.toLowerCase() || editDistance(name, key) <= 2);
  const hint = close ? ` (did you mean "${close}"?)` : '';
  return `unknown key${hint}; expected one of ${allowed.map((name) => `"${name}"`).join(', ')}`;
}

/** One line per problem in `issues`, each naming the file, the full dotted key, the problem and the expected form. */
export function issueMessages(source: string, schema: z.ZodType, issues: readonly z.core.$ZodIssue[]): string[] {
  const lines: string[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      const allowed = allowedKeys(schema, issue.path);
      for (const key of issue.keys) lines.push(`${source}: ${dottedPath([...issue.path, key])}: ${unknownKeyMessage(key, allowed)}`);
      continue;
    }
    const where = issue.path.length > 0 ? `${dottedPath(issue.path)}: ` : '';
    const missing = issue.code === 'invalid_type' && issue.input === undefined;
    const problem = missing ? 'missing' : `got ${describeValue(issue.input)}`;
    const text = issue.message.startsWith('expected') ? `${problem}; ${issue.message}` : issue.message;
    lines.push(`${source}: ${where}${text}`);
  }
  return lines;
}
