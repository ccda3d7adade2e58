/** deploy/k6-operator/testrun.yaml: a TestRun the operator accepts, wired to our bundles, users and Secret. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: { secretKeyRef?: { name: string; key: string } };
}

const manifestText = readFileSync(new URL('../../../deploy/k6-operator/testrun.yaml', import.meta.url), 'utf8');
const manifest = parse(manifestText) as {
  apiVersion: string;
  kind: string;
  metadata: { name: string };
  spec: {
    parallelism: number;
    arguments?: string;
    script: { configMap: { name: string; file: string } };
    runner: { image: string; env: EnvVar[]; volumes: { name: string; configMap?: { name: string } }[]; volumeMounts: { name: string; mountPath: string }[] };
  };
};
const env = new Map(manifest.spec.runner.env.map((e) => [e.name, e]));

describe('k6-operator TestRun', () => {
  it('is a k6.io/v1alpha1 TestRun with parallelism and a script from a ConfigMap', () => {
    expect(manifest.apiVersion).toBe('k6.io/v1alpha1');
    expect(manifest.kind).toBe('TestRun');
    expect(manifest.metadata.name).toMatch(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/);
    expect(Number.isInteger(manifest.spec.parallelism) && manifest.spec.parallelism >= 1).toBe(true);
    expect(manifest.spec.script.configMap.name).toBe('boca-scenarios');
    expect(['throughput.js', 'rate-limit.js', 'idempotency-storm.js']).toContain(manifest.spec.script.configMap.file);
    expect(manifest.spec.runner.image).toMatch(/^grafana\/k6:\d+\.\d+\.\d+$/);
  });

  it('takes the credentials from a Secret, never as literal values', () => {
    for (const name of ['BOCA_API_KEY', 'BOCA_API_SECRET']) {
      expect(env.get(name)?.value).toBeUndefined();
      expect(env.get(name)?.valueFrom?.secretKeyRef?.name).toBe('boca-partner');
    }
    expect(manifestText).not.toMatch(/sk_|secret:\s*\S+['"]/);
  });

  it('mounts the user pool where BOCA_USERS points, and sets a target and one run id', () => {
    const users = env.get('BOCA_USERS')?.value ?? '';
    const mount = manifest.spec.runner.volumeMounts.find((m) => users.startsWith(`${m.mountPath}/`));
    expect(mount).toBeDefined();
    expect(manifest.spec.runner.volumes.find((v) => v.name === mount!.name)?.configMap?.name).toBe('boca-users');
    expect(env.get('BOCA_TARGET')?.value).toMatch(/^https:\/\//);
    expect(env.get('BOCA_RUN_ID')?.value).toMatch(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/);
    expect(Number(env.get('BOCA_RATE')?.value)).toBeGreaterThan(0);
  });

  it('passes only k6 flags in arguments (the operator splits them on spaces)', () => {
    for (const word of (manifest.spec.arguments ?? '').split(' ').filter(Boolean)) expect(word).toMatch(/^(--[a-z-]+|[^\s'"]+)$/);
  });
});
