import { describe, expect, it } from 'vitest';
import { eventLoopLag } from '../../../src/load/engine/event-loop-lag.js';

const turn = () => new Promise((resolve) => setTimeout(resolve, 25));

describe('eventLoopLag', () => {
  it('sees a loop held for 150 ms (at least 150 ms less its 10 ms resolution)', async () => {
    const lag = eventLoopLag();
    await turn();
    const until = performance.now() + 150;
    while (performance.now() < until);
    await turn();
    expect(lag.stop()).toBeGreaterThanOrEqual(140);
  });

  it('reads 0 when it measured nothing', () => {
    expect(eventLoopLag().stop()).toBe(0);
  });
});
