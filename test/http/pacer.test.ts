import { afterEach, describe, expect, it } from 'vitest';
import { defaultProfile } from '../../src/contract/profile.js';
import { createHarnessClient } from '../../src/http/create-harness-client.js';
import { createPacer } from '../../src/http/pacer.js';
import { json, startServer } from './test-server.js';

/** Virtual time: `sleep` resolves when `run` advances the clock to its deadline. */
function virtualTime(startMs = 1_000_000) {
  let nowMs = startMs;
  const timers: { atMs: number; resolve: () => void }[] = [];
  const settle = () => new Promise<void>((resolve) => setImmediate(resolve));
  return {
    now: () => nowMs,
    advance: (ms: number) => void (nowMs += ms),
    sleep: (ms: number) => new Promise<void>((resolve) => void timers.push({ atMs: nowMs + ms, resolve })),
    async run(until: () => boolean) {
      for (await settle(); !until(); await settle()) {
        timers.sort((a, b) => a.atMs - b.atMs);
        // With no timer due, real I/O (a request in flight) is what we wait for.
        const next = timers.shift();
        if (!next) continue;
        nowMs = Math.max(nowMs, next.atMs);
        next.resolve();
      }
    },
  };
}

/** The most send times that fall in any window [t, t + windowMs]. */
function maxInWindow(timesMs: readonly number[], windowMs: number): number {
  const sorted = [...timesMs].sort((a, b) => a - b);
  let max = 0;
  for (let i = 0, j = 0; j < sorted.length; j++) {
    while (sorted[j]! - sorted[i]! > windowMs) i++;
    max = Math.max(max, j - i + 1);
  }
  return max;
}

/** Asserts that no window of t ms holds more than burst + rps × t sends (+ slack). */
function expectPaced(timesMs: readonly number[], requestsPerSecond: number, burst: number, slack = 0): void {
  for (const windowMs of [0, 1, 10, 50, 100, 250, 500, 1000, 2000]) {
    expect(maxInWindow(timesMs, windowMs), `window ${windowMs} ms`).toBeLessThanOrEqual(burst + Math.floor((requestsPerSecond * windowMs) / 1000) + slack);
  }
}

describe('createPacer', () => {
  it.each([
    [10, 1],
    [50, 5],
    [7, 3],
  ])('releases concurrent callers at most burst + %i/s × t (burst %i)', async (requestsPerSecond, burst) => {
    const time = virtualTime();
    const pacer = createPacer({ requestsPerSecond, burst, now: time.now, sleep: time.sleep });
    const releasedMs: number[] = [];
    for (let i = 0; i < 60; i++) void pacer.acquire().then(() => releasedMs.push(time.now()));
    await time.run(() => releasedMs.length === 60);
    expectPaced(releasedMs, requestsPerSecond, burst);
    // Not slower than needed: 60 requests take (60 − burst) intervals.
    expect(Math.max(...releasedMs) - 1_000_000).toBeCloseTo(((60 - burst) * 1000) / requestsPerSecond, 6);
  });

  it('lets a burst go again after an idle period, and no more', async () => {
    const time = virtualTime();
    const pacer = createPacer({ requestsPerSecond: 10, burst: 4, now: time.now, sleep: time.sleep });
    const releasedMs: number[] = [];
    const acquireMany = async (n: number) => {
      const target = releasedMs.length + n;
      for (let i = 0; i < n; i++) void pacer.acquire().then(() => releasedMs.push(time.now()));
      await time.run(() => releasedMs.length === target);
    };
    await acquireMany(10);
    time.advance(10_000);
    const idleEndMs = time.now();
    await acquireMany(10);
    expect(releasedMs.slice(0, 4)).toEqual([1_000_000, 1_000_000, 1_000_000, 1_000_000]);
    expect(releasedMs.slice(10, 14)).toEqual([idleEndMs, idleEndMs, idleEndMs, idleEndMs]);
    expect(releasedMs[14]).toBeGreaterThan(idleEndMs);
    expectPaced(releasedMs, 10, 4);
  });

  it('keeps the bound when timers fire late (a busy event loop)', async () => {
    const time = virtualTime();
    const lateSleep = (ms: number) => time.sleep(ms + 37);
    const pacer = createPacer({ requestsPerSecond: 20, burst: 2, now: time.now, sleep: lateSleep });
    const releasedMs: number[] = [];
    for (let i = 0; i < 30; i++) void pacer.acquire().then(() => releasedMs.push(time.now()));
    await time.run(() => releasedMs.length === 30);
    expectPaced(releasedMs, 20, 2);
  });

  it('rejects waiting callers with the run-aborted error when the signal aborts', async () => {
    const controller = new AbortController();
    const pacer = createPacer({ requestsPerSecond: 1, signal: controller.signal });
    await pacer.acquire();
    const waiting = pacer.acquire();
    controller.abort();
    await expect(waiting).rejects.toMatchObject({ code: 'BOCA_ABORTED', name: 'AbortError' });
    await expect(pacer.acquire()).rejects.toMatchObject({ code: 'BOCA_ABORTED' });
  });

  it('rejects invalid rates', () => {
    expect(() => createPacer({ requestsPerSecond: 0 })).toThrow(RangeError);
    expect(() => createPacer({ requestsPerSecond: 5, burst: 0 })).toThrow(RangeError);
  });
});

describe('pacing in the client', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('never sends more than burst + maxRps × t in t (sequential, injected clock)', async () => {
    const server = await startServer((_, res) => json(res, 201, {}));
    let nowMs = 5_000_000;
    const client = createHarnessClient({
      target: server.url,
      profile: defaultProfile,
      partners: { primary: { apiKey: 'pk', secret: 's' } },
      maxRps: 20,
      maxBurst: 3,
      now: () => nowMs,
      sleep: async (ms) => void (nowMs += ms),
    });
    cleanups.push(() => server.close(), () => client.close());
    for (let i = 0; i < 40; i++) await client.send({ json: {} });
    const sentMs = client.exchanges.map((e) => e.sentAtMs);
    expectPaced(sentMs, 20, 3);
    expect(server.received).toHaveLength(40);
  });

  it('paces concurrent sends shared by all requests (virtual clock, real HTTP)', async () => {
    const server = await startServer((_, res) => json(res, 201, {}));
    const time = virtualTime();
    const client = createHarnessClient({
      target: server.url,
      profile: defaultProfile,
      partners: { primary: { apiKey: 'pk', secret: 's' } },
      maxRps: 100,
      maxBurst: 3,
      now: time.now,
      sleep: time.sleep,
    });
    cleanups.push(() => server.close(), () => client.close());
    let done = 0;
    const sends = Array.from({ length: 25 }, () => client.send({ json: {} }).finally(() => done++));
    await time.run(() => done === 25);
    await Promise.all(sends);
    expect(server.received).toHaveLength(25);
    expectPaced(client.exchanges.map((e) => e.sentAtMs), 100, 3);
  });
});
