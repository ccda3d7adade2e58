/**
 * Per-status counters the k6 binding records for every load request (not
 * the verification's), because k6's summary has no per-status counts without
 * a threshold on each `http_reqs{status:N}`.
 */

/** The statuses the contract names (contract §5) plus common gateway answers. */
export const countedStatuses = [200, 201, 400, 401, 403, 404, 409, 413, 415, 422, 429, 500, 502, 503, 504] as const;

/** `LoadSummary.totals.byStatus` keys of the two catch-all counters. */
export const statusCounterName = { other: 'other', error: 'error:k6' } as const;

const prefix = 'http_status_';

/** The k6 Counter that counts `status` (0 = transport error). */
export function statusCounterFor(status: number): string {
  if (status === 0) return `${prefix}error`;
  return (countedStatuses as readonly number[]).includes(status) ? `${prefix}${status}` : `${prefix}other`;
}

/** Every status counter name, for declaring them in the init context. */
export const statusCounterNames: readonly string[] = [...countedStatuses.map((s) => `${prefix}${s}`), `${prefix}other`, `${prefix}error`];

/** The byStatus key of a status counter's name, or undefined for any other metric. */
export function statusFromCounterName(name: string): string | undefined {
  if (!name.startsWith(prefix)) return undefined;
  const rest = name.slice(prefix.length);
  if (rest === 'error') return statusCounterName.error;
  if (rest === 'other') return statusCounterName.other;
  return /^\d{3}$/.test(rest) ? rest : undefined;
}
