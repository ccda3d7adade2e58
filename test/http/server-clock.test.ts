import { describe, expect, it } from 'vitest';
import { createServerClock } from '../../src/http/server-clock.js';

const httpDate = (ms: number) => new Date(ms).toUTCString();

describe('createServerClock', () => {
  it('starts at the local clock without a sample and ignores missing or invalid dates', () => {
    const clock = createServerClock(() => 1_000_000);
    clock.observe(999_000, 1_000_000, undefined);
    clock.observe(999_000, 1_000_000, 'yesterday');
    expect(clock.hasSample).toBe(false);
    expect(clock.offsetMs).toBe(0);
    expect(clock.nowMs()).toBe(1_000_000);
  });

  it('estimates the midpoint of what one Date sample allows', () => {
    const localMs = Date.UTC(2026, 0, 1, 12, 0, 0);
    const clock = createServerClock(() => localMs + 100);
    // Server an hour ahead; sent at local+0, received at local+100, Date stamped at a whole second.
    clock.observe(localMs, localMs + 100, httpDate(localMs + 3_600_000));
    // Bounds: date − received = 3 599 900 ≤ offset < date + 1000 − sent = 3 601 000.
    expect(clock.hasSample).toBe(true);
    expect(clock.offsetMs).toBe(3_600_450);
    expect(clock.nowMs()).toBe(localMs + 100 + 3_600_450);
  });

  it('narrows to the true sub-second offset over samples taken at different phases', () => {
    const trueOffsetMs = 3_600_000 + 437;
    const clock = createServerClock();
    for (let localMs = 10_000_000; localMs < 10_000_000 + 20 * 1130; localMs += 1130) {
      const stampMs = localMs + 5 + trueOffsetMs;
      clock.observe(localMs, localMs + 10, httpDate(Math.floor(stampMs / 1000) * 1000));
    }
    // One sample alone leaves a second of doubt; twenty at varied phases leave tens of ms.
    expect(Math.abs(clock.offsetMs - trueOffsetMs)).toBeLessThanOrEqual(50);
  });

  it('starts over when the server clock jumps', () => {
    const clock = createServerClock();
    clock.observe(10_000_000, 10_000_010, httpDate(10_000_000));
    clock.observe(20_000_000, 20_000_010, httpDate(20_000_000 + 7_200_000));
    expect(Math.abs(clock.offsetMs - 7_200_000)).toBeLessThan(1000);
  });
});
