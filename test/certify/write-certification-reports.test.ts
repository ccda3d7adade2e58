import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeCertificationReports } from '../../src/certify/write-certification-reports.js';
import { sampleCredentials } from '../report/sample-summary.js';
import { sampleCertification } from './sample-certification.js';

describe('writeCertificationReports', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'boca-certify-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes one combined report set, redacted, and appends the Markdown to the step summary', async () => {
    const secret = sampleCredentials.secret;
    const summary = sampleCertification();
    const withSecret = { ...summary, target: `${summary.target}/?leak=${secret}` };
    const stepSummary = join(dir, 'step.md');
    const written = await writeCertificationReports(withSecret, join(dir, 'reports'), { secrets: [secret], env: { GITHUB_STEP_SUMMARY: stepSummary } });
    const directory = join(dir, 'reports', summary.runId);
    expect(written).toEqual({
      directory,
      html: join(directory, 'certification.html'),
      markdown: join(directory, 'certification.md'),
      json: join(directory, 'certification.json'),
      junit: join(directory, 'junit.xml'),
      stepSummary,
    });
    for (const file of [written.html, written.markdown, written.json, written.junit, stepSummary]) {
      const content = await readFile(file, 'utf8');
      expect(content).not.toContain(secret);
    }
    expect(await readFile(written.markdown, 'utf8')).toContain('[REDACTED]');
    expect(await readFile(stepSummary, 'utf8')).toMatch(/^# ❌ Partner API certification/);
  });

  it('refuses an unsafe run id', async () => {
    await expect(writeCertificationReports({ ...sampleCertification(), runId: 'a/../../b' }, dir)).rejects.toMatchObject({ code: 'BOCA_REPORT_RUN_ID' });
  });
});
