/**
 * Safety rails of a load run: caps on rate, duration and total requests,
 * and targets outside loopback only when the config's `allowHosts` lists
 * them. Breaking one is a usage error that names the cap.
 */
import { usageError } from '../../errors.js';
import { arrivalSchedule } from './arrival-schedule.js';
import { peakRate, plannedDurationMs, type ScenarioPlan } from './scenario-plan.js';

export interface LoadLimits {
  /** Highest offered arrival rate, iterations/s. Default 20 000. */
  readonly maxRate: number;
  /** Longest run (last scenario's startTime + duration), ms. Default 10 min. */
  readonly maxDurationMs: number;
  /** Most requests in one run. Default 1 000 000; closed-model scenarios stop when they reach it. */
  readonly maxRequests: number;
}

export const defaultLoadLimits: LoadLimits = { maxRate: 20_000, maxDurationMs: 600_000, maxRequests: 1_000_000 };

/** Iterations the arrival-rate scenarios of `plans` will offer. */
export const plannedArrivals = (plans: readonly ScenarioPlan[]): number =>
  plans.reduce((sum, plan) => sum + (plan.kind === 'arrival' ? arrivalSchedule(plan.stages).total : 0), 0);

/** Throws a usage error naming the first cap `plans` exceed. */
export function checkLoadLimits(plans: readonly ScenarioPlan[], limits: LoadLimits): void {
  const rate = peakRate(plans);
  if (rate > limits.maxRate) throw usageError('BOCA_USAGE', `The offered rate peaks at ${+rate.toFixed(1)}/s, above the cap of ${limits.maxRate}/s per run (lower --rate).`);
  const duration = plannedDurationMs(plans);
  if (duration > limits.maxDurationMs) throw usageError('BOCA_USAGE', `The run would last ${duration / 1000} s, above the cap of ${limits.maxDurationMs / 1000} s (lower --duration).`);
  const total = plannedArrivals(plans);
  if (total > limits.maxRequests) throw usageError('BOCA_USAGE', `The run would send ${total} requests, above the cap of ${limits.maxRequests} per run (lower --rate or --duration, or raise --max-requests up to ${defaultLoadLimits.maxRequests}).`);
}

/** True for 127.0.0.0/8, ::1 and localhost. */
export function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host.endsWith('.localhost') || host === '::1' || /^127(?:\.\d{1,3}){3}$/.test(host) || host === '::ffff:127.0.0.1';
}

/** Refuses a target that is neither loopback nor listed in `allowHosts` (exact host names, or `*.example.com`). */
export function checkTargetAllowed(target: URL, allowHosts: readonly string[]): void {
  const host = target.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (isLoopback(host)) return;
  const allowed = allowHosts.some((entry) => {
    const pattern = entry.toLowerCase();
    return pattern.startsWith('*.') ? host.endsWith(pattern.slice(1)) : host === pattern;
  });
  if (!allowed) {
    throw usageError('BOCA_USAGE', `Refusing to load-test ${target.host}: a target outside loopback must be listed in the config's "allowHosts" (e.g. "allowHosts": ["${host}"] in boca.config.json).`);
  }
}
