/** The pure analyses of a load run's observations: the 429 analysis and the timeline. */
export { analyseRateLimit } from './analyse-rate-limit.js';
export { buildTimeline } from './build-timeline.js';
export { rateLimitTolerance, type DeclaredLimit } from './declared-limit.js';
export { headerCoherence, headerProblems } from './header-coherence.js';
export { latencySummary, percentile } from './latency-summary.js';
export { observationSide, offeredSeconds, phaseSide, type LoadSide, type OfferedSecond } from './load-sides.js';
export { rateLimitHeaderValues, type RateLimitHeaderValues } from './rate-limit-header-values.js';
export { retryAfterDistribution } from './retry-after-distribution.js';
export { acceptedRateIn, steadyWindows, type SteadyWindow } from './steady-accepted-rate.js';
