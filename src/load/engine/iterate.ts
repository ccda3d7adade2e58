/**
 * One iteration of one VU: build the signed request, send it, record what
 * came back (counts, µs histograms, threshold samples, the observation), run
 * the scenario's afterResponse and its sleep. Latency is kept from the
 * scheduled time (open model: no coordinated omission) and from the send.
 */
import type { ObservedResponse } from '../scenario-definition.js';
import { createHistogram, record } from './histogram.js';
import type { ProgressDelta } from './load-progress.js';
import { addSample } from './metric-sinks.js';
import type { SliceOptions } from './run-slice.js';
import type { ScenarioPlan } from './scenario-plan.js';
import { statusClass, type SliceResult } from './slice-result.js';

export interface Vu {
  readonly id: number;
  iterations: number;
  /** The VU's last iteration was a 429 it then slept out (closed-model Retry-After honesty). */
  waitedRetryAfter?: boolean;
}

export interface IterationContext {
  readonly options: SliceOptions;
  readonly result: SliceResult;
  progress(): ProgressDelta;
  nextVuId(): number;
}

const rateLimitHeader = /^(?:x-)?ratelimit/;

function rateLimitHeaders(headers: Readonly<Record<string, string>>): Record<string, string> | undefined {
  let found: Record<string, string> | undefined;
  for (const name in headers) if (rateLimitHeader.test(name)) (found ??= {})[name] = headers[name]!;
  return found;
}

function scriptError(result: SliceResult, error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  result.scriptErrors[message] = (result.scriptErrors[message] ?? 0) + 1;
}

/** The tags every sample of a plan carries (k6: `scenario` and the scenario's tags), built once per plan. */
const planTagsCache = new WeakMap<ScenarioPlan, Readonly<Record<string, string>>>();
function planTags(plan: ScenarioPlan): Readonly<Record<string, string>> {
  let tags = planTagsCache.get(plan);
  if (!tags) planTagsCache.set(plan, (tags = { scenario: plan.name, ...plan.tags }));
  return tags;
}

// Runs thousands of times a second per thread: no object is built that nothing reads.
export async function iterate(context: IterationContext, plan: ScenarioPlan, vu: Vu, iterationInTest: number, scheduledAtMs: number, model: 'open' | 'closed', signal: AbortSignal): Promise<void> {
  const { options, result } = context;
  const { clock, definition, env, sinkKeys } = options;
  const sinks = result.sinks;
  const info = { scenario: plan.name, iterationInTest, vu: vu.id, vuIteration: vu.iterations++ };
  const iterationStart = clock.now();
  let request;
  try {
    request = definition.request(plan.exec, info, env);
  } catch (error) {
    scriptError(result, error);
    return;
  }
  // Tags feed threshold sinks only: without sinks no tag object is built.
  const sinking = sinkKeys.length > 0;
  const baseTags = planTags(plan);
  const tags = sinking && request.tags ? { ...baseTags, ...request.tags } : baseTags;
  const sentAtMs = clock.now();
  const scheduled = model === 'open' ? scheduledAtMs : sentAtMs;
  result.sent++;
  context.progress().sent++;
  if (model === 'open') record(result.dispatchLag, (sentAtMs - scheduledAtMs) * 1000);
  const waited = vu.waitedRetryAfter === true;
  vu.waitedRetryAfter = false;

  const outcome = await options.transport.send(request, signal);
  const receivedAtMs = clock.now();
  const status = 'status' in outcome ? outcome.status : 0;
  const error = 'error' in outcome ? outcome.error : undefined;
  const statusKey = error === undefined ? String(status) : `error:${error}`;
  result.byStatus[statusKey] = (result.byStatus[statusKey] ?? 0) + 1;
  if (error === undefined) result.completed++;
  const fromScheduledUs = (receivedAtMs - scheduled) * 1000;
  record(result.fromScheduled, fromScheduledUs);
  record(result.fromSend, (receivedAtMs - sentAtMs) * 1000);
  const cls = statusClass(status);
  if (cls) record((result.byStatusClass[cls] ??= createHistogram()), fromScheduledUs);
  const progress = context.progress();
  if (cls === '2xx') progress.accepted++;
  else if (cls === '429') progress.throttled++;
  else progress.failed++;
  record(progress.latency, fromScheduledUs);

  if (sinking) {
    const expected = error === undefined && options.expectedStatus(status);
    const requestTags = { ...tags, status: String(status), method: request.method, expected_response: String(expected) };
    addSample(sinkKeys, sinks, 'http_reqs', 'counter', 1, requestTags, receivedAtMs);
    addSample(sinkKeys, sinks, 'http_req_duration', 'trend', receivedAtMs - sentAtMs, requestTags, receivedAtMs);
    addSample(sinkKeys, sinks, 'http_req_failed', 'rate', expected ? 0 : 1, requestTags, receivedAtMs);
  }

  const headers = 'headers' in outcome ? outcome.headers : {};
  if (options.keepObservations !== false) {
    const limits = rateLimitHeaders(headers);
    result.observations.push({
      scenario: plan.name,
      scheduledAtMs: scheduled,
      sentAtMs,
      receivedAtMs,
      status,
      ...(error !== undefined ? { error } : {}),
      ...(headers['retry-after'] !== undefined ? { retryAfter: headers['retry-after'] } : {}),
      ...(limits ? { rateLimitHeaders: limits } : {}),
      ...(request.tags ? { tags: request.tags } : {}),
      ...(waited ? { afterRetryAfterWait: true } : {}),
    });
  }

  if (definition.afterResponse) {
    const response: ObservedResponse = { status, headers, body: 'body' in outcome ? outcome.body : '', durationMs: receivedAtMs - sentAtMs, receivedAtMs };
    try {
      const after = definition.afterResponse(plan.exec, info, response, env);
      if (sinking) for (const sample of after.samples ?? []) addSample(sinkKeys, sinks, sample.metric, sample.kind, sample.value, { ...tags, ...sample.tags }, receivedAtMs);
      if (after.sleepSeconds !== undefined && after.sleepSeconds > 0 && !signal.aborted) {
        await clock.sleepUntil(clock.now() + after.sleepSeconds * 1000, signal);
        vu.waitedRetryAfter = status === 429;
      }
    } catch (caught) {
      scriptError(result, caught);
    }
  }
  if (sinking) {
    addSample(sinkKeys, sinks, 'iterations', 'counter', 1, baseTags, receivedAtMs);
    addSample(sinkKeys, sinks, 'iteration_duration', 'trend', clock.now() - iterationStart, baseTags, receivedAtMs);
  }
}
