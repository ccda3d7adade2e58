import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeLoadReports } from '../../../src/load/report/write-load-reports.js';
import { sampleLoadSummary } from './sample-load-summary.js';

describe('writeLoadReports', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'boca-load-reports-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes load.json, load.md and load.html under the run id, redacted, and appends to the step summary', async () => {
    const secret = 'sk_sandbox_partner1_do_not_use_in_production';
    const summary = sampleLoadSummary({ target: `http://127.0.0.1:8787/?k=${secret}` });
    const stepSummary = join(dir, 'step-summary.md');
    await writeFile(stepSummary, '# before\n');
    const written = await writeLoadReports(summary, join(dir, 'reports'), { secrets: [secret], env: { GITHUB_STEP_SUMMARY: stepSummary } });
    expect(written).toEqual({
      directory: join(dir, 'reports', summary.runId),
      json: join(dir, 'reports', summary.runId, 'load.json'),
      markdown: join(dir, 'reports', summary.runId, 'load.md'),
      html: join(dir, 'reports', summary.runId, 'load.html'),
      stepSummary,
    });
    const files = await Promise.all([written.json, written.markdown, written.html, stepSummary].map((f) => readFile(f, 'utf8')));
    for (const content of files) {
      expect(content).not.toContain(secret);
      expect(content).toContain('[REDACTED]');
    }
    const json = JSON.parse(files[0]!);
    expect(json).toEqual(JSON.parse(JSON.stringify({ ...summary, target: 'http://127.0.0.1:8787/?k=[REDACTED]' })));
    expect(files[3]!.startsWith('# before\n## ✅ Load · rate-limit')).toBe(true);
  });

  it('refuses a run id that is not one path segment', async () => {
    await expect(writeLoadReports(sampleLoadSummary({ runId: '../escape' }), dir)).rejects.toMatchObject({ code: 'BOCA_REPORT_RUN_ID' });
  });
});
