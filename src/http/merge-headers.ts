/** Header overrides, case-insensitive as HTTP header names are. */

/**
 * `base` with `overrides` applied in order: a string sets the header
 * (replacing any of the same name in any case, taking the override's
 * spelling), `null` removes it. Insertion order is kept otherwise.
 */
export function mergeHeaders(
  base: Readonly<Record<string, string>>,
  overrides: Readonly<Record<string, string | null>>,
): Record<string, string> {
  const merged: Record<string, string> = { ...base };
  for (const [name, value] of Object.entries(overrides)) {
    const lower = name.toLowerCase();
    for (const existing of Object.keys(merged)) if (existing.toLowerCase() === lower) delete merged[existing];
    if (value !== null) merged[name] = value;
  }
  return merged;
}
