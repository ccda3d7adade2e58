/**
 * Failure ids are self-contained, so `boca-harness replay ID` works from a CI
 * log without the report files: `<check-id>` for a scenario,
 * `<check-id>@<seed>:<path>` for a property's counterexample.
 */

export interface FailureLocator {
  readonly checkId: string;
  readonly seed?: number;
  readonly path?: string;
}

export const formatFailureId = ({ checkId, seed, path }: FailureLocator): string =>
  seed === undefined ? checkId : `${checkId}@${seed}:${path ?? ''}`;

/** Parses a failure id, or returns undefined when it is not one. */
export function parseFailureId(id: string): FailureLocator | undefined {
  const match = /^([a-z0-9]+(?:-[a-z0-9]+)*)(?:@(-?\d+):([0-9:]*))?$/.exec(id);
  if (!match) return undefined;
  const [, checkId, seed, path] = match;
  return seed === undefined ? { checkId: checkId! } : { checkId: checkId!, seed: Number(seed), path: path! };
}
