import { describe, expect, test } from 'vitest';
import { defaultProfile } from '../../../src/contract/profile.js';
import { virtualClock, type Clock } from '../../../src/load/engine/clock.js';
import { sinkKeys } from '../../../src/load/engine/metric-sinks.js';
import { runSlice, type SliceOptions } from '../../../src/load/engine/run-slice.js';
import { scenarioPlans } from '../../../src/load/engine/scenario-plan.js';
import { mergeSliceResults } from '../../../src/load/engine/slice-result.js';
import type { Transport, TransportOutcome } from '../../../src/load/engine/transport.js';
import { nodeCrypto } from '../../../src/signing/node-crypto.js';
import type { Options } from 'k6/options';
import type { ScenarioDefinition } from '../../../src/load/scenario-definition.js';

const env = { runId: 'r', profile: defaultProfile, partner: { apiKey: 'k', secret: 's' }, crypto: nodeCrypto, nowMs: () => 0, pool: [] };

function definition(options: Options, sleepSeconds?: number): ScenarioDefinition {
  return {
    name: 'test',
    description: 'test',
    options: () => options,
    request: (exec, it) => ({ method: 'POST', path: '/v1/users', headers: {}, body: `{"i":${it.iterationInTest}}`, tags: { exec } }),
    afterResponse: () => ({ samples: [{ metric: 'seen', kind: 'counter', value: 1 }], ...(sleepSeconds ? { sleepSeconds } : {}) }),
  };
}

/** A transport that records send times and answers with `answer(i)` (or never, until aborted). */
function recordingTransport(clock: Clock, answer: (i: number) => TransportOutcome | 'never') {
  const sends: { at: number; i: number }[] = [];
  const transport: Transport = {
    async send(request, signal) {
      const i = JSON.parse(request.body).i as number;
      sends.push({ at: clock.now(), i });
      const outcome = answer(i);
      if (outcome !== 'never') return outcome;
      if (signal.aborted) return { error: 'interrupted' };
      return new Promise((resolve) => signal.addEventListener('abort', () => resolve({ error: 'interrupted' }), { once: true }));
    },
    close: async () => {},
  };
  return { transport, sends };
}

function slice(options: Options, overrides: Partial<SliceOptions> & { clock: Clock; transport: Transport }, def = definition(options)) {
  return runSlice({
    definition: def,
    plans: scenarioPlans(options),
    segment: { index: 0, count: 1 },
    env,
    startAtMs: 1000,
    signal: new AbortController().signal,
    sinkKeys: sinkKeys(Object.keys(options.thresholds ?? {})),
    expectedStatus: (s) => s >= 200 && s < 400,
    maxRequests: 1_000_000,
    ...overrides,
  }).done;
}

const arrival = (rate: number, duration: string, pre: number, max = pre): Options => ({
  scenarios: { open: { executor: 'constant-arrival-rate', rate, duration, preAllocatedVUs: pre, maxVUs: max, gracefulStop: '1s' } },
  thresholds: { seen: ['count>0'], 'http_reqs{status:201}': ['count>0'], dropped_iterations: ['count==0'] },
});

describe('runSlice on a virtual clock', () => {
  test('issues every iteration at its scheduled time (open model)', async () => {
    const clock = virtualClock(0);
    const { transport, sends } = recordingTransport(clock, () => ({ status: 201, headers: {}, body: '' }));
    const result = await slice(arrival(20, '1s', 2), { clock, transport });
    expect(sends.map((s) => s.at)).toEqual(Array.from({ length: 20 }, (_, i) => 1000 + i * 50));
    expect(result.observations.map((o) => o.scheduledAtMs)).toEqual(sends.map((s) => s.at));
    expect([result.offered, result.sent, result.completed, result.dropped]).toEqual([20, 20, 20, 0]);
  });

  test('drops iterations when every VU is busy (a server that stalls, maxVUs 3)', async () => {
    const clock = virtualClock(0);
    const { transport, sends } = recordingTransport(clock, () => 'never');
    const result = await slice(arrival(10, '1s', 2, 3), { clock, transport });
    expect(sends.map((s) => s.i)).toEqual([0, 1, 2]);
    expect(result.dropped).toBe(7);
    expect(result.droppedIterations.map((d) => d.scheduledAtMs)).toEqual([1300, 1400, 1500, 1600, 1700, 1800, 1900]);
    // gracefulStop (1s) after the end, the stalled ones are interrupted: sent = completed + errors.
    expect(result.byStatus).toEqual({ 'error:interrupted': 3 });
    expect(result.sent).toBe(result.completed + 3);
    expect(result.sinks[2]!.sum).toBe(7);
  });

  test('counts per status and per status class; thresholds see tag-filtered sub-metrics', async () => {
    const clock = virtualClock(0);
    const statuses = [201, 201, 429, 500, 400, 0];
    const { transport } = recordingTransport(clock, (i): TransportOutcome => (statuses[i % 6] === 0 ? { error: 'connection-reset' } : { status: statuses[i % 6]!, headers: statuses[i % 6] === 429 ? { 'retry-after': '1' } : ({} as Record<string, string>), body: '' }));
    const result = await slice(arrival(12, '1s', 2), { clock, transport });
    expect(result.byStatus).toEqual({ '201': 4, '429': 2, '500': 2, '400': 2, 'error:connection-reset': 2 });
    expect(Object.fromEntries(Object.entries(result.byStatusClass).map(([k, h]) => [k, h!.count]))).toEqual({ '2xx': 4, '429': 2, '5xx': 2, '4xx': 2, error: 2 });
    expect(result.completed).toBe(10);
    expect(result.sinks[0]!.sum).toBe(12);
    expect(result.sinks[1]!.sum).toBe(4);
    expect(result.observations.filter((o) => o.retryAfter === '1')).toHaveLength(2);
  });

  test('two segments split the iterations like k6 execution segments; merged counts equal one slice', async () => {
    const options = arrival(30, '1s', 4);
    const run = async (index: number, count: number) => {
      const clock = virtualClock(0);
      const { transport, sends } = recordingTransport(clock, () => ({ status: 201, headers: {}, body: '' }));
      const result = await slice(options, { clock, transport, segment: { index, count } });
      return { result, sends };
    };
    const whole = await run(0, 1);
    const parts = await Promise.all([run(0, 2), run(1, 2)]);
    expect(parts.flatMap((p) => p.sends.map((s) => s.i)).sort((a, b) => a - b)).toEqual(whole.sends.map((s) => s.i));
    expect(parts.flatMap((p) => p.sends.map((s) => s.at)).sort((a, b) => a - b)).toEqual(whole.sends.map((s) => s.at));
    const keys = sinkKeys(Object.keys(options.thresholds!));
    const merged = mergeSliceResults(keys, structuredClone(parts.map((p) => p.result)));
    expect([merged.sent, merged.completed, merged.byStatus, merged.fromScheduled.count]).toEqual([whole.result.sent, whole.result.completed, whole.result.byStatus, whole.result.fromScheduled.count]);
    expect(merged.sinks.map((s) => s.sum)).toEqual(whole.result.sinks.map((s) => s.sum));
  });

  test('constant-vus runs closed loops that honour the scenario sleep', async () => {
    const clock = virtualClock(0);
    const options: Options = { scenarios: { closed: { executor: 'constant-vus', vus: 2, duration: '2s', gracefulStop: '0s' } } };
    const { transport, sends } = recordingTransport(clock, () => ({ status: 429, headers: { 'retry-after': '1' }, body: '' }));
    const result = await slice(options, { clock, transport }, definition(options, 0.5));
    // Each VU: send, sleep 0.5 s, … for 2 s: 4 iterations each, at 1000, 1500, 2000, 2500.
    expect(sends.map((s) => s.at)).toEqual([1000, 1000, 1500, 1500, 2000, 2000, 2500, 2500]);
    expect(result.observations.filter((o) => o.afterRetryAfterWait)).toHaveLength(6);
    expect(result.observations.every((o) => o.scheduledAtMs === o.sentAtMs)).toBe(true);
  });

  test('an abort stops scheduling and interrupts requests in flight', async () => {
    const clock = virtualClock(0);
    const controller = new AbortController();
    const { transport } = recordingTransport(clock, (i) => {
      if (i === 4) controller.abort();
      return 'never';
    });
    const result = await slice(arrival(10, '1s', 20), { clock, transport, signal: controller.signal });
    expect(result.sent).toBe(5);
    expect(result.byStatus).toEqual({ 'error:interrupted': 5 });
    expect(result.offered).toBe(5);
  });

  test('stops at the request cap', async () => {
    const clock = virtualClock(0);
    const { transport } = recordingTransport(clock, () => ({ status: 201, headers: {}, body: '' }));
    const result = await slice(arrival(50, '1s', 5), { clock, transport, maxRequests: 7 });
    expect(result.sent).toBe(7);
    expect(result.requestCapReached).toBe(true);
  });
});
