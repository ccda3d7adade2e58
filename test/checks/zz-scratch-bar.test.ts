import { it } from 'vitest';
import { bodyAndResponseChecks } from '../../src/checks/catalogue/body-and-response-checks.js';
import { bodyAndResponseFaults } from '../../src/sandbox/faults/body-and-response-faults.js';
import { runAgainstSandbox } from './run-against-sandbox.js';

it('faults', async () => {
  const runs = Number(process.env.RUNS ?? 30);
  const seeds = (process.env.SEEDS ?? '42').split(',').map(Number);
  for (const fault of bodyAndResponseFaults) {
    const counts = new Map<string, number>();
    let sample = '';
    for (const seed of seeds) {
      const summary = await runAgainstSandbox(bodyAndResponseChecks, { runs, seed, faults: [fault.name] });
      for (const r of summary.checks) if (r.status !== 'passed') { counts.set(`${r.checkId}(${r.section}${r.status === 'failed' ? '' : ' ' + r.status})`, (counts.get(`${r.checkId}(${r.section}${r.status === 'failed' ? '' : ' ' + r.status})`) ?? 0) + 1); if (!sample && r.section === fault.section && r.failures[0]) sample = r.failures[0].message.slice(0, 300); }
    }
    console.log(`${fault.name} ${fault.section}: ${[...counts].map(([k, v]) => `${k}=${v}/${seeds.length}`).join(' ')}\n    ${sample}`);
  }
}, 600_000);
