import { it } from 'vitest';
import { defaultProfile } from '../../../src/contract/profile.js';
import { runLoad } from '../../../src/load/engine/run-load.js';
import { scenarioDefinitions } from '../../../src/load/scenarios/index.js';
import { writeLoadReports } from '../../../src/load/report/write-load-reports.js';
import { startSandbox } from '../../../src/sandbox/index.js';
const partner = { apiKey: 'pk_load_test', secret: 'sk_load_test_secret_value' };
it('e2e', { timeout: 120000 }, async () => {
  const sandbox = await startSandbox({ partners: [partner], rateLimit: { requestsPerSecond: 100, burst: 100 }, host: '127.0.0.1', port: 0 });
  try {
    const definition = scenarioDefinitions.find((d) => d.name === 'rate-limit')!;
    const summary = await runLoad({ definition, params: { rate: 200, durationSeconds: 3, vus: 100, declaredLimit: { requestsPerSecond: 100, burst: 100 } }, target: new URL(sandbox.url), profile: defaultProfile, partner, workers: 0, runId: 'e2e-rate-limit' });
    console.log(JSON.stringify({ ...summary.rateLimit, thresholds: summary.thresholds, valid: summary.valid, totals: summary.totals }, null, 1));
    console.log(await writeLoadReports(summary, '/tmp/shots/reports', { secrets: [partner.secret] }));
  } finally { await sandbox.close(); }
});
