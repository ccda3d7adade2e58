import { it } from 'vitest';
import { runConformance } from '../../src/conformance/run-conformance.js';
import { defaultProfile } from '../../src/contract/profile.js';
import type { ScenarioCheck } from '../../src/checks/check.js';
import { offerAtRate, completedAtMs } from '../../src/checks/rate-limit/offer-at-rate.js';
import { rateLimitTraffic } from '../../src/checks/rate-limit/rate-limit-traffic.js';

const rate = Number(process.env.RATE ?? 2000);
const probe: ScenarioCheck = {
  kind: 'scenario', id: 'probe', section: '§6', statement: '', tags: [],
  async run(context) {
    await new Promise((r) => setTimeout(r, 200));
    const o = await offerAtRate(context, { requestsPerSecond: rate, durationMs: 2000, maxRequests: 4001, request: process.env.CHEAP ? () => ({ body: 'x', contentType: 'text/plain' }) : rateLimitTraffic(context), stopWhen: (e) => e.response?.status === 429 });
    const first = o.exchanges.findIndex((e) => e.response?.status === 429);
    const lastSend = Math.max(...o.exchanges.map((e) => e.sentAtMs)) - o.startedMs;
    const lastDone = Math.max(...o.exchanges.map(completedAtMs)) - o.startedMs;
    const durs = o.exchanges.map((e) => e.durationMs).sort((a, b) => a - b);
    console.log(`rate ${rate}: sent ${o.exchanges.length}, first 429 at ${first} (sent at ${first >= 0 ? o.exchanges[first]!.sentAtMs - o.startedMs : '-'} ms), last send ${lastSend} ms, last done ${lastDone} ms, median dur ${durs[durs.length >> 1]} max ${durs.at(-1)}`);
  },
};
it('probe', async () => {
  await runConformance({ profile: defaultProfile, checks: [probe], runs: 1, seed: 1, signal: new AbortController().signal, sandbox: { latencyMs: Number(process.env.LAT ?? 3) } });
}, 60_000);
