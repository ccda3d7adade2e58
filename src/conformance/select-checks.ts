/** `--only`: pick checks by id, tag or contract section (`§4` or `4`). */
import type { Check } from '../checks/check.js';
import { usageError } from '../errors.js';

export function selectChecks(checks: readonly Check[], only: readonly string[] | undefined): Check[] {
  if (!only || only.length === 0) return [...checks];
  const selected = new Set<Check>();
  for (const raw of only) {
    const term = raw.trim();
    const section = /^§?([1-6])$/.exec(term);
    const matches = checks.filter((c) => c.id === term || c.tags.includes(term) || (section && c.section === `§${section[1]}`));
    if (matches.length === 0) {
      const tags = [...new Set(checks.flatMap((c) => c.tags))].sort();
      throw usageError(
        'BOCA_USAGE',
        `--only ${term} matches no check. Use a check id, a tag (${tags.join(', ')}) or a section (§1…§6); \`boca-harness conformance --list\` shows the checks.`,
      );
    }
    for (const check of matches) selected.add(check);
  }
  // Keep the catalogue's order: run-wide checks stay last.
  return checks.filter((c) => selected.has(c));
}
