import { describe, expect, test } from 'vitest';
import { arrivalSchedule } from '../../../src/load/engine/arrival-schedule.js';
import { peakRate, scenarioPlans } from '../../../src/load/engine/scenario-plan.js';

const times = (s: ReturnType<typeof arrivalSchedule>) => Array.from({ length: s.total }, (_, i) => +s.offsetMs(i).toFixed(6));

describe('arrivalSchedule', () => {
  test('constant-arrival-rate spaces starts evenly: 10/s for 1 s starts at 0, 100, … 900 ms', () => {
    const s = arrivalSchedule([{ durationMs: 1000, fromRate: 10, toRate: 10 }]);
    expect(times(s)).toEqual([0, 100, 200, 300, 400, 500, 600, 700, 800, 900]);
  });

  test('a linear ramp follows the integral of the rate: 0 → 10/s over 2 s holds 10 iterations', () => {
    const s = arrivalSchedule([{ durationMs: 2000, fromRate: 0, toRate: 10 }]);
    expect(s.total).toBe(10);
    // ∫ = 2.5·t² (t in s) reaches i at t = √(i/2.5).
    times(s).forEach((t, i) => expect(t).toBeCloseTo(Math.sqrt(i / 2.5) * 1000, 6));
  });

  test('stages chain: ramp up, hold, ramp down', () => {
    const s = arrivalSchedule([
      { durationMs: 1000, fromRate: 0, toRate: 20 },
      { durationMs: 1000, fromRate: 20, toRate: 20 },
      { durationMs: 1000, fromRate: 20, toRate: 0 },
    ]);
    expect(s.total).toBe(40);
    const t = times(s);
    expect(t[10]).toBeCloseTo(1000, 6);
    expect(t[20]).toBeCloseTo(1500, 6);
    expect(t.every((v, i) => i === 0 || v > t[i - 1]!)).toBe(true);
    expect(t.at(-1)!).toBeLessThan(3000);
  });

  test('timeUnit scales the rate; plans carry k6 defaults', () => {
    const [plan] = scenarioPlans({ scenarios: { a: { executor: 'constant-arrival-rate', rate: 30, timeUnit: '1m', duration: '2m', preAllocatedVUs: 2 } } });
    expect(plan).toMatchObject({ kind: 'arrival', exec: 'default', startMs: 0, gracefulStopMs: 30_000, maxVUs: 2, stages: [{ durationMs: 120_000, fromRate: 0.5, toRate: 0.5 }] });
    expect(arrivalSchedule((plan as unknown as { stages: [] }).stages).total).toBe(60);
  });

  test('peakRate adds scenarios that run at once', () => {
    const plans = scenarioPlans({
      scenarios: {
        a: { executor: 'constant-arrival-rate', rate: 100, duration: '10s', preAllocatedVUs: 1 },
        b: { executor: 'ramping-arrival-rate', startTime: '5s', preAllocatedVUs: 1, stages: [{ target: 300, duration: '10s' }] },
      },
    });
    expect(peakRate(plans)).toBe(400);
  });
});
