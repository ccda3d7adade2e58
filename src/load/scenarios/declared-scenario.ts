/**
 * A scenario definition plus what a runtime must know before the first
 * iteration: k6 requires custom metrics to be declared in the init context,
 * and `http_req_failed` must know which non-2xx statuses are expected
 * outcomes (contract §6: 429 is expected in load runs, not an error).
 */
import type { MetricSample, ScenarioDefinition } from '../scenario-definition.js';

export interface DeclaredScenario extends ScenarioDefinition {
  /** Every custom metric `afterResponse` may emit, by name, with its k6 kind. */
  readonly metrics: Readonly<Record<string, MetricSample['kind']>>;
  /** Statuses outside 200–399 that are expected outcomes, not failures (k6 `http.expectedStatuses`). */
  readonly expectedStatuses: readonly number[];
}
