/**
 * The sandbox's named faults: realistic bugs switched on at start
 * (`--fault NAME`) so that every conformance check can be shown to fire
 * (style §9). Each fault's `apply` turns the healthy pipeline into a faulty
 * one by wrapping or replacing one step or hook (style §8); no step knows
 * that faults exist. Add a fault to the file of its contract section.
 */
import { usageError } from '../../errors.js';
import type { Pipeline } from '../pipeline.js';
import { authenticationFaults } from './authentication-faults.js';
import { bodyAndResponseFaults } from './body-and-response-faults.js';
import type { Fault } from './fault.js';
import { idempotencyFaults } from './idempotency-faults.js';
import { rateLimitFaults } from './rate-limit-faults.js';

/** Every fault, in contract-section order. */
export const faultCatalogue: readonly Fault[] = [...authenticationFaults, ...bodyAndResponseFaults, ...idempotencyFaults, ...rateLimitFaults].sort(
  (a, b) => a.section.localeCompare(b.section),
);

/** The faults named in `names`, in catalogue order; a usage error lists the known ones for any unknown name. */
export function resolveFaults(names: readonly string[]): Fault[] {
  const unknown = names.filter((name) => !faultCatalogue.some((fault) => fault.name === name));
  if (unknown.length > 0) {
    throw usageError(
      'BOCA_USAGE',
      `Unknown fault${unknown.length > 1 ? 's' : ''} ${unknown.map((n) => `"${n}"`).join(', ')}. Known faults:\n` +
        faultCatalogue.map((f) => `  ${f.name.padEnd(34)} ${f.section}  ${f.description}`).join('\n'),
    );
  }
  return faultCatalogue.filter((fault) => names.includes(fault.name));
}

/** `pipeline` with every fault applied, in catalogue order. */
export const applyFaults = (pipeline: Pipeline, faults: readonly Fault[]): Pipeline =>
  faults.reduce((p, fault) => fault.apply(p), pipeline);
