/** Unique `externalId`s for load iterations, contract §3 (1–64 chars, `^[A-Za-z0-9][A-Za-z0-9._:-]*$`). */

/** Longest run-id part kept in an externalId, so scenario and iteration always fit in 64 characters. */
const maxRunIdLength = 30;
const maxScenarioLength = 14;

/** `text` with every character the externalId pattern forbids replaced by `-`, at most `max` characters. */
export function externalIdPart(text: string, max: number): string {
  const cleaned = text.replace(/[^A-Za-z0-9._:-]/g, '-').slice(0, max);
  return cleaned.length > 0 ? cleaned : 'x';
}

/**
 * The externalId of one iteration: `<runId>.<scenario>.<iterationInTest>`.
 * Unique across a whole test (k6's `iterationInTest` is unique across all
 * instances, k6-operator runners included) and across runs (the run id).
 * The run id must start with a letter or digit, as run ids do.
 */
export function externalIdFor(runId: string, scenario: string, iterationInTest: number): string {
  const run = externalIdPart(runId, maxRunIdLength).replace(/^[^A-Za-z0-9]/, 'r');
  return `${run}.${externalIdPart(scenario, maxScenarioLength)}.${Math.trunc(iterationInTest)}`;
}
