/**
 * The sandbox's named variants: legitimate implementations of what the
 * contract leaves open (its MAYs), switched on at start (`--variant NAME`),
 * so that the suite can be shown to pass on each (no false positives). Add a
 * variant to the file of its contract section.
 */
import { usageError } from '../../errors.js';
import type { Pipeline } from '../pipeline.js';
import { authenticationVariants } from './authentication-variants.js';
import { idempotencyVariants } from './idempotency-variants.js';
import { rateLimitVariants } from './rate-limit-variants.js';
import { responseVariants } from './response-variants.js';
import type { Variant } from './variant.js';

/** Every variant, in contract-section order. */
export const variantCatalogue: readonly Variant[] = [...authenticationVariants, ...idempotencyVariants, ...responseVariants, ...rateLimitVariants];

/** The variants named in `names`, in catalogue order; a usage error lists the known ones for any unknown name. */
export function resolveVariants(names: readonly string[]): Variant[] {
  const unknown = names.filter((name) => !variantCatalogue.some((variant) => variant.name === name));
  if (unknown.length > 0) {
    throw usageError(
      'BOCA_USAGE',
      `Unknown variant${unknown.length > 1 ? 's' : ''} ${unknown.map((n) => `"${n}"`).join(', ')}. Known variants:\n` +
        variantCatalogue.map((v) => `  ${v.name.padEnd(26)} ${v.section}  ${v.description}`).join('\n'),
    );
  }
  return variantCatalogue.filter((variant) => names.includes(variant.name));
}

/** `pipeline` with every variant applied, in catalogue order. */
export const applyVariants = (pipeline: Pipeline, variants: readonly Variant[]): Pipeline =>
  variants.reduce((p, variant) => variant.apply(p), pipeline);
