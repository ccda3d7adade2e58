import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { deadlineSweeper, sweepResolutionMs } from '../../../src/load/engine/deadline-sweeper.js';

describe('deadlineSweeper', () => {
  let t = 0;
  const now = () => t;
  const advance = (ms: number) => {
    t += ms;
    vi.advanceTimersByTime(ms);
  };
  beforeEach(() => {
    vi.useFakeTimers();
    t = 0;
  });
  afterEach(() => vi.useRealTimers());

  it('expires items once their deadline has passed, oldest first, within one resolution', () => {
    const expired: string[] = [];
    const sweeper = deadlineSweeper<string>(1000, (item) => expired.push(item), now);
    sweeper.add('a');
    advance(300);
    sweeper.add('b');
    advance(650);
    expect(expired).toEqual([]);
    advance(50 + sweepResolutionMs(1000));
    expect(expired).toEqual(['a']);
    advance(300);
    expect(expired).toEqual(['a', 'b']);
  });

  it('never expires an item removed before its deadline', () => {
    const expired: string[] = [];
    const sweeper = deadlineSweeper<string>(100, (item) => expired.push(item), now);
    sweeper.add('answered');
    sweeper.add('stalled');
    sweeper.remove('answered');
    advance(200);
    expect(expired).toEqual(['stalled']);
  });

  it('holds no timer while nothing is in flight, and none after stop', () => {
    const sweeper = deadlineSweeper<number>(100, () => {}, now);
    expect(vi.getTimerCount()).toBe(0);
    sweeper.add(1);
    expect(vi.getTimerCount()).toBe(1);
    advance(200);
    expect(vi.getTimerCount()).toBe(0);
    sweeper.add(2);
    sweeper.stop();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('sweeps at a twentieth of the timeout, between 5 and 100 ms', () => {
    expect([sweepResolutionMs(20), sweepResolutionMs(1000), sweepResolutionMs(60_000)]).toEqual([5, 50, 100]);
  });
});
