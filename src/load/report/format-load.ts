/** Number formats of the load reports. */

/** `0.42 ms`, `12.3 ms`, `1.23 s` from milliseconds. */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return '–';
  if (ms < 10) return `${ms.toFixed(2)} ms`;
  if (ms < 1000) return `${ms.toFixed(1)} ms`;
  return `${(ms / 1000).toFixed(2)} s`;
}

/** `50.3/s` from requests per second. */
export const formatRate = (perSecond: number): string => `${+perSecond.toFixed(perSecond < 100 ? 1 : 0)}/s`;

/** `12.5 %` from a share 0..1. */
export const formatPercent = (share: number): string => `${(share * 100).toFixed(1)} %`;

/** `1.006×` */
export const formatRatio = (ratio: number): string => `${ratio.toFixed(3)}×`;

/** `12,345` */
export const formatCount = (count: number): string => count.toLocaleString('en-US');

/** `2 workers`, `1 worker`, or `the main thread` for an in-thread run (0 workers). */
export const workersText = (workers: number): string => (workers === 0 ? 'the main thread' : `${workers} worker${workers === 1 ? '' : 's'}`);
