import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeReports } from '../../src/report/write-reports.js';
import { sampleCredentials, sampleSummary, summaryWithResponseBody } from './sample-summary.js';
import { parseXml } from './xml-well-formed.js';

describe('writeReports', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'boca-reports-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes the four reports into reports/<run-id>/ and returns their paths', async () => {
    const written = await writeReports(sampleSummary(), join(dir, 'reports'));
    expect(written.directory).toBe(join(dir, 'reports', '20260302-140509-7f3a'));
    expect((await readdir(written.directory)).sort()).toEqual(['junit.xml', 'report.html', 'summary.json', 'summary.md']);
    expect(written.stepSummary).toBeUndefined();
    parseXml(await readFile(written.junit, 'utf8'));
    expect(JSON.parse(await readFile(written.json, 'utf8')).schemaVersion).toBe(1);
    expect(await readFile(written.markdown, 'utf8')).toContain('`signature-tampered-body`');
    expect(await readFile(written.html, 'utf8')).toContain('<!doctype html>');
  });

  it('appends the Markdown to $GITHUB_STEP_SUMMARY when it is set', async () => {
    const stepSummary = join(dir, 'step-summary.md');
    await writeFile(stepSummary, '# Earlier step\n');
    const written = await writeReports(sampleSummary(), dir, { env: { GITHUB_STEP_SUMMARY: stepSummary } });
    expect(written.stepSummary).toBe(stepSummary);
    const content = await readFile(stepSummary, 'utf8');
    expect(content.startsWith('# Earlier step\n## ❌ Partner API conformance: FAILED')).toBe(true);
    expect(content).toContain(await readFile(written.markdown, 'utf8'));
    await writeReports(sampleSummary(), dir, { env: { GITHUB_STEP_SUMMARY: '' } });
    expect(await readFile(stepSummary, 'utf8')).toBe(content);
  });

  it('redacts the secrets in every file and in the step summary', async () => {
    const { secret } = sampleCredentials;
    const leaky = `{"debug":"${secret}","b64":"${Buffer.from(secret).toString('base64')}","hex":"${Buffer.from(secret).toString('hex')}"}`;
    const stepSummary = join(dir, 'step-summary.md');
    const written = await writeReports(summaryWithResponseBody(leaky), dir, { secrets: [secret], env: { GITHUB_STEP_SUMMARY: stepSummary } });
    for (const path of [written.junit, written.json, written.markdown, written.html, stepSummary]) {
      const content = await readFile(path, 'utf8');
      expect(content, path).toContain('[REDACTED]');
      expect(content, path).not.toContain(secret);
      expect(content, path).not.toContain(Buffer.from(secret).toString('base64').slice(0, 40));
      expect(content, path).not.toContain(Buffer.from(secret).toString('hex').slice(0, 40));
    }
    parseXml(await readFile(written.junit, 'utf8'));
    JSON.parse(await readFile(written.json, 'utf8'));
  });

  it('refuses a run id that would leave the reports directory', async () => {
    await expect(writeReports(sampleSummary({ runId: '../escape' }), dir)).rejects.toMatchObject({ code: 'BOCA_REPORT_RUN_ID' });
  });
});
